using System.Globalization;
using Roundtable.Cli.Infrastructure;
using Roundtable.Core.Hashing;
using Roundtable.Ledger.Messages.Sessions;

namespace Roundtable.Cli.Tx;

/// <summary>Parsing of session and working-group arguments with messages that name the option.</summary>
internal static class SessionArguments
{
    public static Hash256 Id(string? text, string option, string what) =>
        Hash256.TryParse(text?.Trim(), out var id)
            ? id
            : throw new CliException($"{option} '{text}' is not a {what} id (64 hex characters).", "invalid-argument");

    /// <summary>An RFC 3339 time ("2026-12-01T09:00:00Z") as block time in milliseconds.</summary>
    public static ulong Time(string? text, string option) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time) && time.ToUnixTimeMilliseconds() >= 0
            ? (ulong)time.ToUnixTimeMilliseconds()
            : throw new CliException($"{option} '{text}' is not a time; write it as 2026-12-01T09:00:00Z.", "invalid-argument");

    /// <summary>"Name|group|region" or "Name|group|region|member-id".</summary>
    public static Speaker Speaker(string text)
    {
        var parts = text.Split('|');
        if (parts.Length is not (3 or 4) || parts[0].Trim().Length == 0)
        {
            throw new CliException($"--speaker '{text}' must be 'Name|group|region' or 'Name|group|region|member-id'.", "invalid-argument");
        }

        return new Speaker(
            parts[0].Trim(),
            TxArguments.Identifier(parts[1].Trim(), "--speaker group"),
            TxArguments.Identifier(parts[2].Trim(), "--speaker region"),
            parts.Length == 4 ? TxArguments.MemberId(parts[3], "--speaker member id") : null);
    }

    /// <summary>Comma-separated option indexes ("2,0,1").</summary>
    public static int[] Indexes(string text, string option)
    {
        try
        {
            return [.. text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(s => int.Parse(s, NumberStyles.None, CultureInfo.InvariantCulture))];
        }
        catch (Exception e) when (e is FormatException or OverflowException)
        {
            throw new CliException($"{option} '{text}' must be option numbers separated by commas, for example 2,0,1.", "invalid-argument");
        }
    }
}
