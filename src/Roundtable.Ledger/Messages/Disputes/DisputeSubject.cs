using Roundtable.Core.Encoding;
using Roundtable.Core.Hashing;
using Roundtable.Ledger.Messages.Names;

namespace Roundtable.Ledger.Messages.Disputes;

/// <summary>What a dispute is about. Numbers are part of the wire format.</summary>
public enum DisputeSubjectKind : byte
{
    /// <summary>A registered name of a co-governed zone.</summary>
    Name = 1,

    /// <summary>An anchor of the notary.</summary>
    Anchor = 2,

    /// <summary>A member's record.</summary>
    Member = 3,

    /// <summary>An executed decision (a proposal).</summary>
    Decision = 4,
}

/// <summary>
/// The thing in dispute. Encoding: the kind byte, then for a name the zone and label, otherwise
/// the 32-byte id (anchor digest, member id or proposal id).
/// </summary>
/// <param name="Kind">What kind of record.</param>
/// <param name="Id">The anchor digest, member id or proposal id; zero for a name.</param>
/// <param name="Zone">The zone's origin for a name; empty otherwise.</param>
/// <param name="Label">The label for a name; empty otherwise.</param>
public sealed record DisputeSubject(DisputeSubjectKind Kind, Hash256 Id, string Zone, string Label)
{
    /// <summary>A name of a zone.</summary>
    public static DisputeSubject OfName(string zone, string label) => new(DisputeSubjectKind.Name, Hash256.Zero, zone, label);

    /// <summary>An anchor.</summary>
    public static DisputeSubject OfAnchor(Hash256 digest) => new(DisputeSubjectKind.Anchor, digest, string.Empty, string.Empty);

    /// <summary>A member's record.</summary>
    public static DisputeSubject OfMember(Hash256 member) => new(DisputeSubjectKind.Member, member, string.Empty, string.Empty);

    /// <summary>An executed decision.</summary>
    public static DisputeSubject OfDecision(Hash256 proposal) => new(DisputeSubjectKind.Decision, proposal, string.Empty, string.Empty);

    /// <summary>Writes the subject.</summary>
    public void Encode(CanonicalWriter writer)
    {
        writer.WriteByte((byte)Kind);
        if (Kind == DisputeSubjectKind.Name)
        {
            NameMessageCodec.WriteName(writer, Zone, Label);
        }
        else
        {
            writer.WriteHash(Id);
        }
    }

    /// <summary>Reads a subject; an unknown kind is refused.</summary>
    public static DisputeSubject Decode(ref CanonicalReader reader)
    {
        var kind = (DisputeSubjectKind)reader.ReadByte();
        switch (kind)
        {
            case DisputeSubjectKind.Name:
                var (zone, label) = NameMessageCodec.ReadName(ref reader);
                return OfName(zone, label);
            case DisputeSubjectKind.Anchor or DisputeSubjectKind.Member or DisputeSubjectKind.Decision:
                return new DisputeSubject(kind, reader.ReadHash(), string.Empty, string.Empty);
            default:
                throw new DecodeException(DecodeError.InvalidValue, $"Dispute subject kind {(byte)kind} is unknown.");
        }
    }

    /// <summary>A short description: "name alice.forum.internal.", "anchor 1a2b…".</summary>
    public override string ToString() => Kind switch
    {
        DisputeSubjectKind.Name => $"name {Label}.{Zone}",
        DisputeSubjectKind.Anchor => $"anchor {Id}",
        DisputeSubjectKind.Member => $"member {Id}",
        _ => $"decision {Id}",
    };
}
