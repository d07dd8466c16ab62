using Roundtable.Application.Identities;
using Roundtable.Core.Encoding;
using Roundtable.Ledger;

namespace Roundtable.Application.Parameters;

/// <summary>
/// A trust service whose certificates may verify members' affiliations: a government PKI, an
/// eIDAS-style qualified trust service, a university's CA. Named in the chain parameters, so adding
/// or withdrawing one is a parameter-change proposal decided by balanced governance.
/// </summary>
/// <param name="Name">An <see cref="Identifier"/> that messages name the anchor by.</param>
/// <param name="Groups">Stakeholder groups whose members it may vouch for, strictly ascending; empty: any group.</param>
/// <param name="Root">The anchor's root CA certificate, DER, at most <see cref="MaxRootBytes"/>.</param>
public sealed record TrustAnchor(string Name, IReadOnlyList<string> Groups, byte[] Root) : ICanonical<TrustAnchor>
{
    /// <summary>Largest root certificate, in bytes (room for an RSA-4096 root; keeps a parameter change small).</summary>
    public const int MaxRootBytes = 2048;

    /// <summary>True when the anchor may vouch for members of <paramref name="group"/>.</summary>
    public bool Vouches(string group) => Groups.Count == 0 || Groups.Contains(group);

    /// <summary>Null when the anchor is coherent with groups for which <paramref name="hasGroup"/> holds, otherwise the reason.</summary>
    public string? Problem(Func<string, bool> hasGroup)
    {
        for (var i = 0; i < Groups.Count; i++)
        {
            if (!hasGroup(Groups[i]) || (i > 0 && string.CompareOrdinal(Groups[i - 1], Groups[i]) >= 0))
            {
                return $"trust anchor '{Name}' must name known stakeholder groups, unique and sorted";
            }
        }

        try
        {
            var root = DerCertificate.Parse(Root);
            return root.IsCa && root.IsSelfIssued ? null : $"trust anchor '{Name}' needs a self-issued CA certificate (basicConstraints cA=TRUE)";
        }
        catch (CertificateException e)
        {
            return $"trust anchor '{Name}': {e.Message}";
        }
    }

    /// <inheritdoc />
    public void Encode(CanonicalWriter writer)
    {
        writer.WriteString(Name);
        writer.WriteList(Groups, static (w, g) => w.WriteString(g));
        writer.WriteBytes(Root);
    }

    /// <inheritdoc />
    public static TrustAnchor Decode(ref CanonicalReader reader)
    {
        var name = Identifier.Read(ref reader, "trust anchor name");
        var count = reader.ReadLength(ChainParameters.MaxGroups, "trust anchor group count");
        var groups = new string[count];
        for (var i = 0; i < count; i++)
        {
            groups[i] = Identifier.Read(ref reader, "trust anchor group");
        }

        return new TrustAnchor(name, groups, reader.ReadBytes(MaxRootBytes, "trust anchor root certificate").ToArray());
    }

    /// <inheritdoc />
    public bool Equals(TrustAnchor? other) =>
        other is not null && Canonical.ToBytes(this).AsSpan().SequenceEqual(Canonical.ToBytes(other));

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Name, Groups.Count, Root.Length);
}
