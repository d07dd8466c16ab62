using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Roundtable.Dns;

/// <summary>TSIG error codes (RFC 8945 §3), carried in the TSIG record; the header says NOTAUTH.</summary>
internal enum TsigError : ushort
{
    None = 0,
    BadSig = 16,
    BadKey = 17,
    BadTime = 18,
    BadTrunc = 22,
}

/// <summary>
/// TSIG with HMAC-SHA256 (RFC 8945): checks a request's MAC and time, and signs messages. A
/// request's MAC covers the message without its TSIG (ARCOUNT one less, the original ID) and the
/// TSIG variables (§4.3.3). A response's MAC also covers the request's MAC first; every later
/// message of a transfer covers the previous MAC and only the timers (§5.3.1).
/// </summary>
internal static class Tsig
{
    /// <summary>Seconds of clock difference allowed, both ways (RFC 8945 §10 recommends 300).</summary>
    public const ushort Fudge = 300;

    /// <summary>HMAC-SHA256 output length.</summary>
    public const int MacLength = 32;

    /// <summary>Largest TSIG record this server writes: a 255-byte key name, the algorithm, a full MAC and a 6-byte other data.</summary>
    public const int MaxRecordLength = DnsName.MaxWireLength + 10 + 13 + 10 + MacLength + 6 + 6;

    public static readonly DnsName AlgorithmName = DnsName.Parse(TsigKey.Algorithm);

    /// <summary>Checks a request's TSIG against <paramref name="keys"/> at time <paramref name="now"/> (seconds since 1970).</summary>
    public static TsigError Verify(ReadOnlySpan<byte> message, TsigRecord tsig, IReadOnlyList<TsigKey> keys, long now, out TsigKey? key)
    {
        key = keys.FirstOrDefault(k => k.Name.Equals(tsig.KeyName));
        if (key is null || !tsig.Algorithm.Equals(AlgorithmName))
        {
            key = null;
            return TsigError.BadKey;
        }

        // RFC 8945 §5.2.2.1: a MAC shorter than half the hash (and than 10 bytes) cannot be trusted; truncated ones we do not accept.
        if (tsig.Mac.Length != MacLength)
        {
            return tsig.Mac.Length < MacLength / 2 ? TsigError.BadSig : TsigError.BadTrunc;
        }

        Span<byte> expected = stackalloc byte[MacLength];
        using (var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, key.Secret))
        {
            AppendUnsigned(hmac, message[..tsig.Offset], tsig.OriginalId);
            AppendVariables(hmac, key, tsig.TimeSigned, tsig.Fudge, tsig.Error, tsig.Other);
            hmac.GetHashAndReset(expected);
        }

        if (!CryptographicOperations.FixedTimeEquals(expected, tsig.Mac))
        {
            return TsigError.BadSig;
        }

        // Time is checked only once the MAC is good (RFC 8945 §5.2.3).
        return Math.Abs(now - tsig.TimeSigned) > tsig.Fudge ? TsigError.BadTime : TsigError.None;
    }

    /// <summary>
    /// Appends a TSIG record to the message in <paramref name="buffer"/> (ending at <paramref name="end"/>) and counts it in ARCOUNT.
    /// <paramref name="prior"/> is the MAC the digest starts with (the request's, or the previous message's), empty for a request;
    /// <paramref name="timersOnly"/> digests only time and fudge (later messages of a transfer). Returns the new end; the MAC goes to <paramref name="mac"/>.
    /// </summary>
    public static int Sign(Span<byte> buffer, int end, TsigKey key, ReadOnlySpan<byte> prior, bool timersOnly, long time, TsigError error, ReadOnlySpan<byte> other, Span<byte> mac)
    {
        using (var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, key.Secret))
        {
            if (!prior.IsEmpty)
            {
                Span<byte> length = stackalloc byte[2];
                BinaryPrimitives.WriteUInt16BigEndian(length, (ushort)prior.Length);
                hmac.AppendData(length);
                hmac.AppendData(prior);
            }

            hmac.AppendData(buffer[..end]);
            if (timersOnly)
            {
                AppendTimers(hmac, time, Fudge);
            }
            else
            {
                AppendVariables(hmac, key, time, Fudge, (ushort)error, other);
            }

            hmac.GetHashAndReset(mac);
        }

        return Append(buffer, end, key, time, mac, error, other);
    }

    /// <summary>Appends an unsigned TSIG record (empty MAC): the answer to a bad key or bad MAC, which must not be signed (RFC 8945 §5.3.2).</summary>
    public static int AppendUnsigned(Span<byte> buffer, int end, DnsName keyName, long time, TsigError error) =>
        Append(buffer, end, keyName, AlgorithmName, time, [], error, []);

    private static int Append(Span<byte> buffer, int end, TsigKey key, long time, ReadOnlySpan<byte> mac, TsigError error, ReadOnlySpan<byte> other) =>
        Append(buffer, end, key.Name, AlgorithmName, time, mac, error, other);

    private static int Append(Span<byte> buffer, int end, DnsName keyName, DnsName algorithm, long time, ReadOnlySpan<byte> mac, TsigError error, ReadOnlySpan<byte> other)
    {
        var at = end;
        keyName.Wire.CopyTo(buffer[at..]);
        at += keyName.Wire.Length;
        BinaryPrimitives.WriteUInt16BigEndian(buffer[at..], TsigRecord.Type);
        BinaryPrimitives.WriteUInt16BigEndian(buffer[(at + 2)..], TsigRecord.Class);
        BinaryPrimitives.WriteUInt32BigEndian(buffer[(at + 4)..], 0);
        var lengthAt = at + 8;
        at += 10;
        algorithm.Wire.CopyTo(buffer[at..]);
        at += algorithm.Wire.Length;
        WriteTime(buffer[at..], time);
        BinaryPrimitives.WriteUInt16BigEndian(buffer[(at + 6)..], Fudge);
        BinaryPrimitives.WriteUInt16BigEndian(buffer[(at + 8)..], (ushort)mac.Length);
        at += 10;
        mac.CopyTo(buffer[at..]);
        at += mac.Length;

        // The original ID is the message's own: we never change IDs on the way.
        buffer[..2].CopyTo(buffer[at..]);
        BinaryPrimitives.WriteUInt16BigEndian(buffer[(at + 2)..], (ushort)error);
        BinaryPrimitives.WriteUInt16BigEndian(buffer[(at + 4)..], (ushort)other.Length);
        at += 6;
        other.CopyTo(buffer[at..]);
        at += other.Length;
        BinaryPrimitives.WriteUInt16BigEndian(buffer[lengthAt..], (ushort)(at - lengthAt - 2));
        BinaryPrimitives.WriteUInt16BigEndian(buffer[10..], (ushort)(BinaryPrimitives.ReadUInt16BigEndian(buffer[10..]) + 1));
        return at;
    }

    /// <summary>The message as it was before the TSIG was added: ARCOUNT one less, the original ID.</summary>
    private static void AppendUnsigned(IncrementalHash hmac, ReadOnlySpan<byte> message, ushort originalId)
    {
        Span<byte> header = stackalloc byte[QueryParser.HeaderLength];
        message[..QueryParser.HeaderLength].CopyTo(header);
        BinaryPrimitives.WriteUInt16BigEndian(header, originalId);
        BinaryPrimitives.WriteUInt16BigEndian(header[10..], (ushort)(BinaryPrimitives.ReadUInt16BigEndian(header[10..]) - 1));
        hmac.AppendData(header);
        hmac.AppendData(message[QueryParser.HeaderLength..]);
    }

    /// <summary>The TSIG variables of RFC 8945 §4.3.3: key name, class, TTL, algorithm, timers, error, other data.</summary>
    private static void AppendVariables(IncrementalHash hmac, TsigKey key, long time, ushort fudge, ushort error, ReadOnlySpan<byte> other)
    {
        Span<byte> fields = stackalloc byte[6];
        hmac.AppendData(key.Name.Wire);
        BinaryPrimitives.WriteUInt16BigEndian(fields, TsigRecord.Class);
        BinaryPrimitives.WriteUInt32BigEndian(fields[2..], 0);
        hmac.AppendData(fields);
        hmac.AppendData(AlgorithmName.Wire);
        AppendTimers(hmac, time, fudge);
        BinaryPrimitives.WriteUInt16BigEndian(fields, error);
        BinaryPrimitives.WriteUInt16BigEndian(fields[2..], (ushort)other.Length);
        hmac.AppendData(fields[..4]);
        hmac.AppendData(other);
    }

    private static void AppendTimers(IncrementalHash hmac, long time, ushort fudge)
    {
        Span<byte> timers = stackalloc byte[8];
        WriteTime(timers, time);
        BinaryPrimitives.WriteUInt16BigEndian(timers[6..], fudge);
        hmac.AppendData(timers);
    }

    /// <summary>Writes a 48-bit time in seconds.</summary>
    public static void WriteTime(Span<byte> destination, long time)
    {
        BinaryPrimitives.WriteUInt16BigEndian(destination, (ushort)(time >> 32));
        BinaryPrimitives.WriteUInt32BigEndian(destination[2..], (uint)time);
    }
}
