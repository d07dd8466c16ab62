using Roundtable.Core.Encoding;
using Roundtable.Ledger.Names;

namespace Roundtable.Ledger.Messages.Governance;

/// <summary>
/// Creates a co-governed zone, replaces its policy, or retires it (when <paramref name="Policy"/> is
/// null): zones are decided together, never by one registry. A new policy applies to registrations
/// and updates from then on; retiring a zone removes it and every name in it.
/// </summary>
/// <param name="Origin">The zone, absolute (<c>forum.internal.</c>).</param>
/// <param name="Policy">Its policy from now on (with the same origin), or null to retire it.</param>
public sealed record ZoneChange(string Origin, ZonePolicy? Policy) : ProposalAction
{
    /// <inheritdoc />
    public override ProposalKind Kind => ProposalKind.ZoneChange;

    /// <summary>Reads the body: origin, then <c>00</c> (retire) or <c>01</c> and the policy.</summary>
    public static ZoneChange DecodeBody(ref CanonicalReader reader)
    {
        var origin = reader.ReadString(DomainNames.MaxNameLength + 1, "zone origin");
        return new ZoneChange(origin, reader.ReadOptionalMarker() ? ZonePolicy.Decode(ref reader) : null);
    }

    /// <inheritdoc />
    protected override void EncodeBody(CanonicalWriter writer)
    {
        writer.WriteString(Origin);
        writer.WriteBool(Policy is not null);
        Policy?.Encode(writer);
    }
}
