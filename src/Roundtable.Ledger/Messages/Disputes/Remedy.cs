using Roundtable.Core.Encoding;
using Roundtable.Core.Hashing;

namespace Roundtable.Ledger.Messages.Disputes;

/// <summary>The bounded remedies a panel may order. Numbers are part of the wire format.</summary>
public enum RemedyKind : byte
{
    /// <summary>The claim fails or needs no action: nothing changes.</summary>
    OrderNothing = 1,

    /// <summary>The disputed name passes to a member (its records are cleared).</summary>
    TransferName = 2,

    /// <summary>The disputed name stops resolving for a period.</summary>
    SuspendName = 3,

    /// <summary>The disputed anchor is revoked.</summary>
    RevokeAnchor = 4,

    /// <summary>The respondent may not vote on proposals for a period.</summary>
    SuspendVoting = 5,
}

/// <summary>
/// A remedy a panel orders. Encoding: the kind byte, then the recipient for a name transfer or
/// varint(duration in ms) for a suspension; nothing for the others.
/// </summary>
/// <param name="Kind">Which remedy.</param>
/// <param name="Recipient">The member who receives a transferred name; zero otherwise.</param>
/// <param name="DurationMs">How long a suspension lasts (block time); 0 otherwise.</param>
public sealed record Remedy(RemedyKind Kind, Hash256 Recipient, ulong DurationMs)
{
    /// <summary>Nothing is ordered.</summary>
    public static Remedy Nothing { get; } = new(RemedyKind.OrderNothing, Hash256.Zero, 0);

    /// <summary>Transfer the disputed name to <paramref name="recipient"/>.</summary>
    public static Remedy Transfer(Hash256 recipient) => new(RemedyKind.TransferName, recipient, 0);

    /// <summary>A suspension of the kind given, for <paramref name="durationMs"/>.</summary>
    public static Remedy Suspend(RemedyKind kind, ulong durationMs) => new(kind, Hash256.Zero, durationMs);

    /// <summary>Revoke the disputed anchor.</summary>
    public static Remedy Revoke { get; } = new(RemedyKind.RevokeAnchor, Hash256.Zero, 0);

    /// <summary>True for the remedies that last a period.</summary>
    public bool IsSuspension => Kind is RemedyKind.SuspendName or RemedyKind.SuspendVoting;

    /// <summary>Writes the remedy.</summary>
    public void Encode(CanonicalWriter writer)
    {
        writer.WriteByte((byte)Kind);
        if (Kind == RemedyKind.TransferName)
        {
            writer.WriteHash(Recipient);
        }
        else if (IsSuspension)
        {
            writer.WriteVarUInt(DurationMs);
        }
    }

    /// <summary>Reads a remedy; an unknown kind or a suspension of no time is refused.</summary>
    public static Remedy Decode(ref CanonicalReader reader)
    {
        var kind = (RemedyKind)reader.ReadByte();
        return kind switch
        {
            RemedyKind.OrderNothing => Nothing,
            RemedyKind.RevokeAnchor => Revoke,
            RemedyKind.TransferName => Transfer(reader.ReadHash()),
            RemedyKind.SuspendName or RemedyKind.SuspendVoting => reader.ReadVarUInt() is var ms and > 0
                ? Suspend(kind, ms)
                : throw new DecodeException(DecodeError.InvalidValue, "A suspension lasts at least 1 ms."),
            _ => throw new DecodeException(DecodeError.InvalidValue, $"Remedy kind {(byte)kind} is unknown."),
        };
    }

    /// <summary>The remedy's name as the API and CLI write it: order-nothing, transfer-name, suspend-name, revoke-anchor, suspend-voting.</summary>
    public static string NameOf(RemedyKind kind) => kind switch
    {
        RemedyKind.OrderNothing => "order-nothing",
        RemedyKind.TransferName => "transfer-name",
        RemedyKind.SuspendName => "suspend-name",
        RemedyKind.RevokeAnchor => "revoke-anchor",
        RemedyKind.SuspendVoting => "suspend-voting",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>The remedy kind named <paramref name="name"/> (see <see cref="NameOf"/>), or null.</summary>
    public static RemedyKind? Parse(string name) =>
        Enum.GetValues<RemedyKind>().Select(k => (RemedyKind?)k).FirstOrDefault(k => NameOf(k!.Value) == name);
}
