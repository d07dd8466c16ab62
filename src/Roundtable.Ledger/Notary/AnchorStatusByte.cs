using Roundtable.Core.Encoding;

namespace Roundtable.Ledger.Notary;

/// <summary>
/// The status byte of an <see cref="AnchorRecord"/>: its status and, once withdrawn, who withdrew
/// it. 1 active, 2 revoked and 3 superseded by the author (the only values written before
/// withdrawal by proposal existed, so those records decode unchanged), 4 revoked and 5 superseded
/// by an executed proposal (the record then ends with the proposal's id). One byte says both, so
/// every record keeps exactly one encoding and needs no version byte.
/// </summary>
public static class AnchorStatusByte
{
    private const byte ByProposalOffset = 2;

    /// <summary>The byte for <paramref name="status"/>, withdrawn by a proposal when <paramref name="byProposal"/>.</summary>
    public static byte Of(AnchorStatus status, bool byProposal) => (status, byProposal) switch
    {
        (AnchorStatus.Active, true) => throw new InvalidOperationException("An active anchor has not been withdrawn by a proposal."),
        (_, true) => (byte)((byte)status + ByProposalOffset),
        _ => (byte)status,
    };

    /// <summary>Reads the byte: the status and whether a proposal withdrew the anchor.</summary>
    public static (AnchorStatus Status, bool ByProposal) Read(ref CanonicalReader reader) => reader.ReadByte() switch
    {
        1 => (AnchorStatus.Active, false),
        2 => (AnchorStatus.Revoked, false),
        3 => (AnchorStatus.Superseded, false),
        4 => (AnchorStatus.Revoked, true),
        5 => (AnchorStatus.Superseded, true),
        var b => throw new DecodeException(
            DecodeError.InvalidValue, $"Anchor status {b} is not active (1), revoked (2) or superseded (3) by the author, or revoked (4) or superseded (5) by a proposal."),
    };
}
