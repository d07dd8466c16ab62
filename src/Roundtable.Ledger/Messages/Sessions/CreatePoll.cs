using Roundtable.Core.Encoding;
using Roundtable.Core.Hashing;

namespace Roundtable.Ledger.Messages.Sessions;

/// <summary>
/// An organiser adds a poll to a session. It starts as a draft; <see cref="OpenPoll"/> opens it.
/// Polls are numbered 0, 1, … in the order they are created. Yes / no methods take no options;
/// approval and ranked methods take 2–16.
/// </summary>
/// <param name="Session">The session.</param>
/// <param name="Question">1–500 UTF-8 bytes.</param>
/// <param name="Options">The options in listing order (the tie-break order), each 1–200 bytes.</param>
/// <param name="Method">How the poll is counted.</param>
public sealed record CreatePoll(Hash256 Session, string Question, IReadOnlyList<string> Options, PollMethod Method) : TxMessage
{
    /// <summary>Maximum UTF-8 length of a question.</summary>
    public const int MaxQuestionBytes = 500;

    /// <summary>Maximum options.</summary>
    public const int MaxOptions = 16;

    /// <summary>Maximum UTF-8 length of an option.</summary>
    public const int MaxOptionBytes = 200;

    /// <inheritdoc />
    public override MessageType Type => MessageType.CreatePoll;

    /// <inheritdoc />
    public override void EncodeBody(CanonicalWriter writer)
    {
        writer.WriteHash(Session);
        writer.WriteString(Question);
        BoundedText.WriteList(writer, Options);
        writer.WriteByte((byte)Method);
    }

    /// <summary>Reads the body; the option count must suit the method.</summary>
    public static CreatePoll DecodeBody(ref CanonicalReader reader)
    {
        var session = reader.ReadHash();
        var question = BoundedText.ReadNonEmpty(ref reader, MaxQuestionBytes, "poll question");
        var options = BoundedText.ReadList(ref reader, MaxOptions, MaxOptionBytes, "poll option");
        var method = (PollMethod)reader.ReadByte();
        if (!PollMethods.IsDefined(method))
        {
            throw new DecodeException(DecodeError.InvalidValue, $"Poll method {(byte)method} is not defined.");
        }

        if (PollMethods.IsYesNo(method) ? options.Length != 0 : options.Length < 2)
        {
            throw new DecodeException(DecodeError.InvalidValue, "A yes/no poll has no options; an approval or ranked poll has at least two.");
        }

        return new CreatePoll(session, question, options, method);
    }

    /// <inheritdoc />
    public bool Equals(CreatePoll? other) => BodyEquality.Same(this, other);

    /// <inheritdoc />
    public override int GetHashCode() => BodyEquality.HashOf(this);
}
