using Roundtable.Core.Encoding;
using Roundtable.Ledger.Messages.DataPractices;
using Roundtable.Ledger.Messages.Disputes;
using Roundtable.Ledger.Messages.Governance;
using Roundtable.Ledger.Messages.Identities;
using Roundtable.Ledger.Messages.Names;
using Roundtable.Ledger.Messages.Notary;
using Roundtable.Ledger.Messages.PersonalData;
using Roundtable.Ledger.Messages.Sessions;
using Roundtable.Ledger.Messages.WorkingGroups;

namespace Roundtable.Ledger.Messages;

/// <summary>Encodes and decodes a message with its type tag.</summary>
public static class MessageCodec
{
    /// <summary>Writes the type tag then the body.</summary>
    public static void Encode(CanonicalWriter writer, TxMessage message)
    {
        writer.WriteVarUInt((ulong)message.Type);
        message.EncodeBody(writer);
    }

    /// <summary>Reads a type tag and the matching body; unknown tags are <see cref="DecodeError.UnknownType"/>.</summary>
    public static TxMessage Decode(ref CanonicalReader reader)
    {
        var tag = reader.ReadVarUInt();
        return tag switch
        {
            (ulong)MessageType.RegisterMember => RegisterMember.DecodeBody(ref reader),
            (ulong)MessageType.AttestAffiliation => AttestAffiliation.DecodeBody(ref reader),
            (ulong)MessageType.RotateKey => RotateKey.DecodeBody(ref reader),
            (ulong)MessageType.SetGuardians => SetGuardians.DecodeBody(ref reader),
            (ulong)MessageType.ApproveRecovery => ApproveRecovery.DecodeBody(ref reader),
            (ulong)MessageType.CancelRecovery => CancelRecovery.DecodeBody(ref reader),
            (ulong)MessageType.RevokeKey => RevokeKey.DecodeBody(ref reader),
            (ulong)MessageType.AttestCertificate => AttestCertificate.DecodeBody(ref reader),
            (ulong)MessageType.PostRevocationList => PostRevocationList.DecodeBody(ref reader),
            (ulong)MessageType.WithdrawPersonalField => WithdrawPersonalField.DecodeBody(ref reader),
            // Governance proposals.
            (ulong)MessageType.SubmitProposal => SubmitProposal.DecodeBody(ref reader),
            (ulong)MessageType.CommentOnProposal => CommentOnProposal.DecodeBody(ref reader),
            (ulong)MessageType.ProposeAmendment => ProposeAmendment.DecodeBody(ref reader),
            (ulong)MessageType.ResolveAmendment => ResolveAmendment.DecodeBody(ref reader),
            (ulong)MessageType.SponsorProposal => SponsorProposal.DecodeBody(ref reader),
            (ulong)MessageType.WithdrawProposal => WithdrawProposal.DecodeBody(ref reader),
            (ulong)MessageType.CastVote => CastVote.DecodeBody(ref reader),
            (ulong)MessageType.CommitVote => CommitVote.DecodeBody(ref reader),
            (ulong)MessageType.RevealVote => RevealVote.DecodeBody(ref reader),
            (ulong)MessageType.RuleOnObjection => RuleOnObjection.DecodeBody(ref reader),
            (ulong)MessageType.CallConsensus => CallConsensus.DecodeBody(ref reader),
            (ulong)MessageType.AppealCall => AppealCall.DecodeBody(ref reader),
            >= 48 and <= 63 => SessionMessageCodec.DecodeBody(tag, ref reader),
            >= 64 and <= 79 => WorkingGroupMessageCodec.DecodeBody(tag, ref reader),
            >= 80 and <= 95 => NotaryMessageCodec.DecodeBody(tag, ref reader),
            >= 96 and <= 111 => NameMessageCodec.DecodeBody(tag, ref reader),
            >= 112 and <= 127 => DisputeMessageCodec.DecodeBody(tag, ref reader),
            >= 128 and <= 143 => DataPracticeMessageCodec.DecodeBody(tag, ref reader),
            _ => throw new DecodeException(DecodeError.UnknownType, $"Unknown message type {tag}."),
        };
    }
}
