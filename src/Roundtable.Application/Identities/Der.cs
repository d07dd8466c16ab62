using System.Formats.Asn1;

namespace Roundtable.Application.Identities;

/// <summary>
/// Small strict-DER reading helpers shared by the certificate and CRL parsers. Every reader is in
/// <see cref="AsnEncodingRules.DER"/> mode: one encoding per value, so two nodes can never read the
/// same bytes two ways.
/// </summary>
internal static class Der
{
    /// <summary>RFC 5280 §4.1.2.5.1: two-digit UTCTime years 50–99 are 19xx, 00–49 are 20xx.</summary>
    private const int TwoDigitYearMax = 2049;

    public static AsnReader Reader(ReadOnlyMemory<byte> der) => new(der, AsnEncodingRules.DER);

    /// <summary>Runs <paramref name="parse"/>, turning any ASN.1 error into a refusal naming <paramref name="what"/>.</summary>
    public static T Parse<T>(string what, Func<T> parse)
    {
        try
        {
            return parse();
        }
        catch (AsnContentException e)
        {
            throw new CertificateException($"The {what} is not valid DER: {e.Message}");
        }
        catch (ArgumentException e)
        {
            throw new CertificateException($"The {what} is not valid DER: {e.Message}");
        }
    }

    /// <summary>Reads a Time (UTCTime or GeneralizedTime, RFC 5280 §4.1.2.5) as Unix milliseconds.</summary>
    public static long ReadTime(AsnReader reader)
    {
        var tag = reader.PeekTag();
        var time = tag.HasSameClassAndValue(Asn1Tag.UtcTime)
            ? reader.ReadUtcTime(TwoDigitYearMax)
            : reader.ReadGeneralizedTime();

        // RFC 5280 §4.1.2.5.2: no fractional seconds, so every node reads the same whole second.
        return time.Ticks % TimeSpan.TicksPerSecond == 0
            ? time.ToUnixTimeMilliseconds()
            : throw new CertificateException("A time has fractional seconds, which RFC 5280 forbids.");
    }

    /// <summary>True when the next element is a Time (so an optional nextUpdate is present).</summary>
    public static bool IsTimeNext(AsnReader reader) =>
        reader.HasData && (reader.PeekTag().HasSameClassAndValue(Asn1Tag.UtcTime) || reader.PeekTag().HasSameClassAndValue(Asn1Tag.GeneralizedTime));

    /// <summary>Reads an AlgorithmIdentifier and returns its OID, with the raw encoding for comparison.</summary>
    public static (string Oid, ReadOnlyMemory<byte> Encoded) ReadAlgorithm(AsnReader reader)
    {
        var encoded = reader.PeekEncodedValue();
        var sequence = reader.ReadSequence();
        var oid = sequence.ReadObjectIdentifier();
        if (sequence.HasData)
        {
            // Parameters: NULL for RSA; anything else is read as one opaque element.
            sequence.ReadEncodedValue();
        }

        sequence.ThrowIfNotEmpty();
        return (oid, encoded);
    }

    /// <summary>Reads a BIT STRING with no unused bits (signatures and keys are whole bytes).</summary>
    public static byte[] ReadWholeBitString(AsnReader reader, string what)
    {
        var bits = reader.ReadBitString(out var unused);
        return unused == 0 ? bits : throw new CertificateException($"The {what} is not a whole number of bytes.");
    }
}
