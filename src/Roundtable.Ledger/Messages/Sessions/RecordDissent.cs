using Roundtable.Core.Encoding;
using Roundtable.Core.Hashing;

namespace Roundtable.Ledger.Messages.Sessions;

/// <summary>What kind of dissent a participant records.</summary>
public enum DissentKind : byte
{
    /// <summary>An objection to an outcome or a statement, with its reason.</summary>
    Objection = 1,

    /// <summary>A minority view the participant wants in the report.</summary>
    MinorityView = 2,
}

/// <summary>
/// A checked-in participant (or an organiser) records an objection or a minority view with its
/// reason, so that the session report shows it next to the outcomes.
/// </summary>
/// <param name="Session">The session.</param>
/// <param name="Kind">Objection or minority view.</param>
/// <param name="Subject">What it is about (a poll, an agenda item), 1–200 bytes.</param>
/// <param name="Reason">The reason or the view, 1–2,000 bytes.</param>
public sealed record RecordDissent(Hash256 Session, DissentKind Kind, string Subject, string Reason) : TxMessage
{
    /// <summary>Maximum UTF-8 length of a subject.</summary>
    public const int MaxSubjectBytes = 200;

    /// <summary>Maximum UTF-8 length of a reason.</summary>
    public const int MaxReasonBytes = 2000;

    /// <inheritdoc />
    public override MessageType Type => MessageType.RecordDissent;

    /// <inheritdoc />
    public override void EncodeBody(CanonicalWriter writer)
    {
        writer.WriteHash(Session);
        writer.WriteByte((byte)Kind);
        writer.WriteString(Subject);
        writer.WriteString(Reason);
    }

    /// <summary>Reads the body.</summary>
    public static RecordDissent DecodeBody(ref CanonicalReader reader)
    {
        var session = reader.ReadHash();
        var kind = reader.ReadByte() switch
        {
            1 => DissentKind.Objection,
            2 => DissentKind.MinorityView,
            var b => throw new DecodeException(DecodeError.InvalidValue, $"Dissent kind {b} is not an objection (1) or a minority view (2)."),
        };
        var subject = BoundedText.ReadNonEmpty(ref reader, MaxSubjectBytes, "dissent subject");
        return new RecordDissent(session, kind, subject, BoundedText.ReadNonEmpty(ref reader, MaxReasonBytes, "dissent reason"));
    }
}
