using System.Text;
using Roundtable.Core.Encoding;
using Roundtable.Core.Hashing;

namespace Roundtable.Ledger.Messages.Sessions;

/// <summary>
/// An organiser commits to the short code shown in the room: only <see cref="Commitment"/> goes on
/// chain, so the code is unknown to anyone outside the room until the first participant checks in
/// with it. Posting a new commitment rotates the code; the previous one stops working.
/// </summary>
/// <param name="Session">The session.</param>
/// <param name="CodeCommitment">SHA-256(session id ‖ UTF-8 code).</param>
public sealed record SetCheckInCode(Hash256 Session, Hash256 CodeCommitment) : TxMessage
{
    /// <summary>Maximum UTF-8 length of a room code.</summary>
    public const int MaxCodeBytes = 32;

    /// <inheritdoc />
    public override MessageType Type => MessageType.SetCheckInCode;

    /// <summary>SHA-256(session id ‖ UTF-8 <paramref name="code"/>): what the organiser posts.</summary>
    public static Hash256 Commitment(Hash256 session, string code)
    {
        var text = Encoding.UTF8.GetBytes(code);
        var data = new byte[Hash256.Size + text.Length];
        session.CopyTo(data);
        text.CopyTo(data, Hash256.Size);
        return Hash256.Compute(data);
    }

    /// <inheritdoc />
    public override void EncodeBody(CanonicalWriter writer)
    {
        writer.WriteHash(Session);
        writer.WriteHash(CodeCommitment);
    }

    /// <summary>Reads the body.</summary>
    public static SetCheckInCode DecodeBody(ref CanonicalReader reader) => new(reader.ReadHash(), reader.ReadHash());
}
