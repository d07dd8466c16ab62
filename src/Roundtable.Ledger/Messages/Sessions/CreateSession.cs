using Roundtable.Core.Encoding;
using Roundtable.Core.Hashing;

namespace Roundtable.Ledger.Messages.Sessions;

/// <summary>
/// Creates a session (a workshop, a round table, …). The sender is its first organiser; the id is
/// <see cref="IdFor"/> of the sender and this transaction's sequence.
/// </summary>
/// <param name="Title">1–200 UTF-8 bytes.</param>
/// <param name="Format">An identifier such as <c>workshop</c>, <c>round-table</c>, <c>open-forum</c>.</param>
/// <param name="CoOrganisers">Other organising members, strictly ascending ids.</param>
/// <param name="Speakers">The published speakers, in programme order.</param>
/// <param name="Agenda">Agenda items in order.</param>
/// <param name="PolicyQuestions">The policy questions the session addresses.</param>
/// <param name="StartMs">Scheduled start, block time in milliseconds.</param>
/// <param name="EndMs">Scheduled end (after the start); check-in closes then.</param>
/// <param name="AllowOnline">Whether participants may check in online, without the room's code.</param>
public sealed record CreateSession(
    string Title,
    string Format,
    IReadOnlyList<Hash256> CoOrganisers,
    IReadOnlyList<Speaker> Speakers,
    IReadOnlyList<string> Agenda,
    IReadOnlyList<string> PolicyQuestions,
    ulong StartMs,
    ulong EndMs,
    bool AllowOnline) : TxMessage
{
    /// <summary>Maximum UTF-8 length of a title.</summary>
    public const int MaxTitleBytes = 200;

    /// <summary>Maximum co-organisers.</summary>
    public const int MaxCoOrganisers = 15;

    /// <summary>Maximum speakers.</summary>
    public const int MaxSpeakers = 64;

    /// <summary>Maximum agenda items.</summary>
    public const int MaxAgendaItems = 32;

    /// <summary>Maximum UTF-8 length of an agenda item.</summary>
    public const int MaxAgendaItemBytes = 300;

    /// <summary>Maximum policy questions.</summary>
    public const int MaxPolicyQuestions = 16;

    /// <summary>Maximum UTF-8 length of a policy question.</summary>
    public const int MaxPolicyQuestionBytes = 500;

    /// <inheritdoc />
    public override MessageType Type => MessageType.CreateSession;

    /// <summary>The id of the session created by <paramref name="creator"/>'s transaction number <paramref name="sequence"/>.</summary>
    public static Hash256 IdFor(Hash256 creator, ulong sequence) => RecordId.Derive("session", creator, sequence);

    /// <inheritdoc />
    public override void EncodeBody(CanonicalWriter writer)
    {
        writer.WriteString(Title);
        writer.WriteString(Format);
        SortedHashes.Write(writer, CoOrganisers);
        writer.WriteList(Speakers, static (w, s) => s.Encode(w));
        BoundedText.WriteList(writer, Agenda);
        BoundedText.WriteList(writer, PolicyQuestions);
        writer.WriteVarUInt(StartMs);
        writer.WriteVarUInt(EndMs);
        writer.WriteBool(AllowOnline);
    }

    /// <summary>Reads the body.</summary>
    public static CreateSession DecodeBody(ref CanonicalReader reader)
    {
        var title = BoundedText.ReadNonEmpty(ref reader, MaxTitleBytes, "session title");
        var format = Identifier.Read(ref reader, "session format");
        var organisers = SortedHashes.Read(ref reader, MaxCoOrganisers, "co-organisers");
        var count = reader.ReadLength(MaxSpeakers, "speaker count");
        var speakers = new Speaker[count];
        for (var i = 0; i < count; i++)
        {
            speakers[i] = Speaker.Decode(ref reader);
        }

        var agenda = BoundedText.ReadList(ref reader, MaxAgendaItems, MaxAgendaItemBytes, "agenda item");
        var questions = BoundedText.ReadList(ref reader, MaxPolicyQuestions, MaxPolicyQuestionBytes, "policy question");
        var start = reader.ReadVarUInt();
        var end = reader.ReadVarUInt();
        return new CreateSession(title, format, organisers, speakers, agenda, questions, start, end, reader.ReadBool());
    }

    /// <inheritdoc />
    public bool Equals(CreateSession? other) => BodyEquality.Same(this, other);

    /// <inheritdoc />
    public override int GetHashCode() => BodyEquality.HashOf(this);
}
