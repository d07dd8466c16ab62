namespace Roundtable.Ledger.Messages;

/// <summary>
/// One profile detail a member chose to publish (for example "organisation" or "gender").
/// Only what the member puts here goes on chain; nothing else about a person is ever stored.
/// </summary>
/// <param name="Name">An <see cref="Identifier"/>.</param>
/// <param name="Value">Free text, at most <see cref="MaxValueBytes"/> UTF-8 bytes.</param>
public sealed record ProfileField(string Name, string Value)
{
    /// <summary>Maximum UTF-8 length of a value.</summary>
    public const int MaxValueBytes = 256;

    /// <summary>Maximum number of fields in a profile.</summary>
    public const int MaxFields = 16;
}
