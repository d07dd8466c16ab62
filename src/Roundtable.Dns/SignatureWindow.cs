namespace Roundtable.Dns;

/// <summary>
/// When signatures are valid: RRSIG inception and expiration, in seconds since 1970 (RFC 4034
/// §3.1.5). Every RRSIG of one build carries the same window; derive it from committed block
/// time (<see cref="Weekly"/>), not from a wall clock, so every rebuild within a week makes the
/// same signed data and the signature cache of <see cref="ZoneSigner"/> keeps its signatures.
/// </summary>
/// <param name="Inception">The first second the signatures are valid.</param>
/// <param name="Expiration">The last second the signatures are valid.</param>
public readonly record struct SignatureWindow(uint Inception, uint Expiration)
{
    /// <summary>Seconds in a week.</summary>
    public const uint Week = 7 * 24 * 3600;

    /// <summary>
    /// The window for block time <paramref name="unixSeconds"/>: from one week before the start
    /// of its week (so resolvers with a slow clock accept it) to three weeks after that start (so
    /// at least two weeks of validity remain at any time of the week, well above any TTL).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The time does not fit RRSIG's 32-bit fields.</exception>
    public static SignatureWindow Weekly(long unixSeconds)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(unixSeconds, Week);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(unixSeconds, uint.MaxValue - (3L * Week));
        var weekStart = unixSeconds - (unixSeconds % Week);
        return new SignatureWindow((uint)(weekStart - Week), (uint)(weekStart + (3L * Week)));
    }
}
