using Roundtable.Core.Encoding;
using Roundtable.Ledger.Messages.Governance;

namespace Roundtable.Ledger.DataPractices;

/// <summary>A transfer of the data to a recipient in a region, on a stated basis.</summary>
/// <param name="Region">A region of the chain's parameters.</param>
/// <param name="Recipient">Who receives it (an organisation or a kind of service provider), 1–<see cref="MaxRecipientBytes"/> UTF-8 bytes.</param>
/// <param name="Basis">One of <see cref="LegalBases.Transfers"/>.</param>
public sealed record DataTransfer(string Region, string Recipient, string Basis)
{
    /// <summary>Longest recipient, in UTF-8 bytes.</summary>
    public const int MaxRecipientBytes = 200;

    /// <summary>Writes region, recipient, basis.</summary>
    public void Encode(CanonicalWriter writer)
    {
        writer.WriteString(Region);
        writer.WriteString(Recipient);
        writer.WriteString(Basis);
    }

    /// <summary>Reads a transfer.</summary>
    public static DataTransfer Decode(ref CanonicalReader reader) => new(
        Identifier.Read(ref reader, "transfer region"),
        GovernanceText.ReadRequired(ref reader, MaxRecipientBytes, "transfer recipient"),
        Identifier.Read(ref reader, "transfer basis"));

    /// <summary>Canonical order: by region, then recipient (ordinal); one transfer per pair.</summary>
    public static int Compare(DataTransfer a, DataTransfer b)
    {
        var byRegion = string.CompareOrdinal(a.Region, b.Region);
        return byRegion != 0 ? byRegion : string.CompareOrdinal(a.Recipient, b.Recipient);
    }
}
