namespace Roundtable.Dns;

/// <summary>
/// The fields of a TSIG record (RFC 8945 §4.2) read from a request: key and algorithm names
/// (lower-cased), times, MAC, original ID, error and other data, and where the record starts so
/// the MAC can be checked over the message without it.
/// </summary>
internal sealed class TsigRecord
{
    /// <summary>The TSIG meta-type (RFC 8945).</summary>
    public const ushort Type = 250;

    /// <summary>TSIG records are of class ANY.</summary>
    public const ushort Class = 255;

    /// <summary>Longest MAC read: SHA-512's 64 bytes; anything longer is malformed for every algorithm.</summary>
    public const int MaxMacLength = 64;

    /// <summary>Longest other data read: a BADTIME response's 6-byte time, with room to spare.</summary>
    public const int MaxOtherLength = 16;

    public required DnsName KeyName { get; init; }

    public required DnsName Algorithm { get; init; }

    public required long TimeSigned { get; init; }

    public required ushort Fudge { get; init; }

    public required byte[] Mac { get; init; }

    public required ushort OriginalId { get; init; }

    public required ushort Error { get; init; }

    public required byte[] Other { get; init; }

    /// <summary>Offset of the record's owner name in the message: the signed part ends here.</summary>
    public required int Offset { get; init; }
}
