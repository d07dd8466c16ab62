using Roundtable.Core.Encoding;
using Roundtable.Ledger.Messages.Governance;

namespace Roundtable.Ledger.DataPractices;

/// <summary>
/// What an organisation states about one of its data practices: which data it collects, why, on
/// what legal basis, for how long, where the data is stored and processed, where it is transferred,
/// and whom to ask. Lists are sets with one encoding (ascending, no repeats). See docs/data-practices.md.
/// </summary>
/// <param name="Title">The practice in a few words ("Member directory"), 1–<see cref="MaxTitleBytes"/> UTF-8 bytes.</param>
/// <param name="DataCategories">1–<see cref="MaxListItems"/> identifiers ("contact-details", "usage-logs"), ascending.</param>
/// <param name="Purpose">Why the data is processed, 1–<see cref="MaxPurposeBytes"/> UTF-8 bytes.</param>
/// <param name="LegalBasis">One of <see cref="LegalBases.All"/> (checked by the application).</param>
/// <param name="Retention">How long the data is kept, 1–<see cref="MaxRetentionBytes"/> UTF-8 bytes.</param>
/// <param name="StoredIn">Regions where the data is stored, 1–<see cref="MaxListItems"/>, ascending.</param>
/// <param name="ProcessedIn">Regions where the data is processed, 1–<see cref="MaxListItems"/>, ascending.</param>
/// <param name="Transfers">0–<see cref="MaxListItems"/> transfers, ascending by region then recipient.</param>
/// <param name="Contact">A role's address (<see cref="ContactPoint"/>).</param>
public sealed record PracticeStatement(
    string Title,
    IReadOnlyList<string> DataCategories,
    string Purpose,
    string LegalBasis,
    string Retention,
    IReadOnlyList<string> StoredIn,
    IReadOnlyList<string> ProcessedIn,
    IReadOnlyList<DataTransfer> Transfers,
    string Contact) : ICanonical<PracticeStatement>
{
    /// <summary>Longest title, in UTF-8 bytes.</summary>
    public const int MaxTitleBytes = 200;

    /// <summary>Longest purpose, in UTF-8 bytes.</summary>
    public const int MaxPurposeBytes = 1000;

    /// <summary>Longest retention, in UTF-8 bytes.</summary>
    public const int MaxRetentionBytes = 200;

    /// <summary>Most data categories, regions of each kind, and transfers.</summary>
    public const int MaxListItems = 16;

    /// <summary>Every region the statement names: stored, processed and transferred to.</summary>
    public IEnumerable<string> Regions => StoredIn.Concat(ProcessedIn).Concat(Transfers.Select(t => t.Region));

    /// <summary>Writes the fields in the order of the parameters.</summary>
    public void Encode(CanonicalWriter writer)
    {
        writer.WriteString(Title);
        BoundedText.WriteList(writer, DataCategories);
        writer.WriteString(Purpose);
        writer.WriteString(LegalBasis);
        writer.WriteString(Retention);
        BoundedText.WriteList(writer, StoredIn);
        BoundedText.WriteList(writer, ProcessedIn);
        writer.WriteList(Transfers, static (w, t) => t.Encode(w));
        writer.WriteString(Contact);
    }

    /// <inheritdoc />
    public static PracticeStatement Decode(ref CanonicalReader reader)
    {
        var title = GovernanceText.ReadRequired(ref reader, MaxTitleBytes, "statement title");
        var categories = Identifier.ReadAscendingList(ref reader, 1, MaxListItems, "data category");
        var purpose = GovernanceText.ReadRequired(ref reader, MaxPurposeBytes, "purpose");
        var basis = Identifier.Read(ref reader, "legal basis");
        var retention = GovernanceText.ReadRequired(ref reader, MaxRetentionBytes, "retention");
        var stored = Identifier.ReadAscendingList(ref reader, 1, MaxListItems, "storage region");
        var processed = Identifier.ReadAscendingList(ref reader, 1, MaxListItems, "processing region");
        var transfers = ReadTransfers(ref reader);
        var contact = reader.ReadString(ContactPoint.MaxBytes, "contact point");
        if (!ContactPoint.IsValid(contact))
        {
            throw new DecodeException(DecodeError.InvalidValue, "The contact point must be a role's e-mail address (privacy@example.org) or an https:// address, printable ASCII without spaces.");
        }

        return new PracticeStatement(title, categories, purpose, basis, retention, stored, processed, transfers, contact);
    }

    /// <inheritdoc />
    public bool Equals(PracticeStatement? other) =>
        other is not null && Canonical.ToBytes(this).AsSpan().SequenceEqual(Canonical.ToBytes(other));

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = default(HashCode);
        hash.AddBytes(Canonical.ToBytes(this));
        return hash.ToHashCode();
    }

    private static DataTransfer[] ReadTransfers(ref CanonicalReader reader)
    {
        var count = reader.ReadLength(MaxListItems, "transfer count");
        var transfers = new DataTransfer[count];
        for (var i = 0; i < count; i++)
        {
            transfers[i] = DataTransfer.Decode(ref reader);
            if (i > 0 && DataTransfer.Compare(transfers[i - 1], transfers[i]) >= 0)
            {
                throw new DecodeException(DecodeError.NonCanonical, "Transfers must name each region and recipient once, ordered by region then recipient.");
            }
        }

        return transfers;
    }
}
