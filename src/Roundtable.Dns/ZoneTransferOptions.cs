namespace Roundtable.Dns;

/// <summary>
/// Engine-wide settings of zone transfer: how much history IXFR keeps, how NOTIFY retries, and
/// the clock TSIG checks time against. Who may transfer which zone is per zone
/// (<see cref="ZoneTransferPolicy"/>).
/// </summary>
public sealed record ZoneTransferOptions
{
    /// <summary>Versions of differences kept per zone for IXFR; older clients get a full transfer (RFC 1995 §4).</summary>
    public int JournalEntriesPerZone { get; init; } = 100;

    /// <summary>Bytes of records (uncompressed wire size) kept per zone's journal; the oldest differences go first.</summary>
    public long JournalBytesPerZone { get; init; } = 16L * 1024 * 1024;

    /// <summary>Transfer messages are closed once they pass this many bytes (records are never split; a larger record gets a message of its own).</summary>
    public int MessageTargetBytes { get; init; } = 16 * 1024;

    /// <summary>NOTIFY sends per target before giving up (RFC 1996 §3.6 asks for retries until a response arrives).</summary>
    public int NotifyAttempts { get; init; } = 5;

    /// <summary>Wait for the first NOTIFY response; it doubles after each unanswered attempt.</summary>
    public TimeSpan NotifyFirstTimeout { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The clock of TSIG times and of NOTIFY retry waits.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
}
