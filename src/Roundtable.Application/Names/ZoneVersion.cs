using Roundtable.Core.Encoding;

namespace Roundtable.Application.Names;

/// <summary>
/// The last height at which what a zone serves changed (a name registered, updated, renewed back
/// from grace or expired, or the policy changed). It is the zone's SOA serial, so every node
/// gives the same serial for the same height and secondaries transfer only when something changed.
/// </summary>
/// <param name="ChangedAtHeight">The height; 0 for a zone unchanged since genesis.</param>
public sealed record ZoneVersion(ulong ChangedAtHeight) : ICanonical<ZoneVersion>
{
    /// <inheritdoc />
    public void Encode(CanonicalWriter writer) => writer.WriteVarUInt(ChangedAtHeight);

    /// <inheritdoc />
    public static ZoneVersion Decode(ref CanonicalReader reader) => new(reader.ReadVarUInt());
}
