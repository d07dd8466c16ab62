namespace Roundtable.Ledger.DataPractices;

/// <summary>
/// Where people reach the organisation about its data practices: an e-mail address
/// (<c>privacy@example.org</c>) or an https:// page, in printable ASCII without spaces. It should
/// name a role (a privacy office, a data-protection officer's function mailbox), never a person:
/// statements are on the ledger for good, and personal data does not belong there.
/// </summary>
public static class ContactPoint
{
    /// <summary>Longest contact point, in bytes (the longest e-mail address RFC 5321 allows).</summary>
    public const int MaxBytes = 254;

    /// <summary>True for an e-mail address with a dotted domain or an https:// address with a host.</summary>
    public static bool IsValid(string? value)
    {
        if (string.IsNullOrEmpty(value) || value.Length > MaxBytes || value.Any(c => c is <= ' ' or > '~'))
        {
            return false;
        }

        if (value.StartsWith("https://", StringComparison.Ordinal))
        {
            var host = value["https://".Length..].Split('/', '?', '#')[0];
            return host.Length > 0 && !host.Contains('@', StringComparison.Ordinal);
        }

        var at = value.IndexOf('@', StringComparison.Ordinal);
        var domain = at > 0 ? value[(at + 1)..] : string.Empty;
        return at == value.LastIndexOf('@') && domain.Contains('.', StringComparison.Ordinal) && !domain.StartsWith('.') && !domain.EndsWith('.');
    }
}
