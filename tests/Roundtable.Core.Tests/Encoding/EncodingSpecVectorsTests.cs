using System.Text.RegularExpressions;
using Roundtable.Core.Crypto;
using Roundtable.Core.Encoding;
using Roundtable.Core.Hashing;
using Roundtable.Core.Tests.Support;

namespace Roundtable.Core.Tests.Encoding;

/// <summary>
/// The test vectors of docs/encoding.md, section "Test vectors". The data below mirror the
/// document's tables row for row, and <see cref="Document_tables_and_this_class_list_the_same_vectors"/>
/// fails when either side changes without the other.
/// </summary>
public sealed partial class EncodingSpecVectorsTests
{
    /// <summary>A value, its documented encoding, how to write it and how to check it reads back.</summary>
    public sealed record Vector(string Id, string Value, string Hex, Action<CanonicalWriter> Write, Action<byte[]> CheckRead);

    /// <summary>Input that must be refused when read as <paramref name="ReadAs"/>.</summary>
    public sealed record Rejection(string Id, string Hex, string ReadAs, DecodeError Error);

    private const string KeyHex = "01 60fed4ba255a9d31c961eb74c6356d68c049b8923b61fa6ce669622e60f29fb6 7903fe1008b8bc99a41ae9e95628bc64f2f1b20c2d7e9f5177a3c294d4462299";
    private const string SigTestHex = "01 f1abb023518351cd71d881567b1ea663ed3efcf6c5132b354f28d3b0b7d38367 019f4113742a2b14bd25926b49c649155f267e60d3814b4c0cc84250e46f0083";
    private const string SigSampleHex = "01 efd48b2aacb6a8fd1140dd9cd45e81d69d2c877b56aaf991c34d0ea84eaf3716 0834e36ad29a83bf2bc9385e491d6099c8fdf9d1ed67aa7ea5f51f93782857a9";
    private const string SigSampleHighSHex = "01 efd48b2aacb6a8fd1140dd9cd45e81d69d2c877b56aaf991c34d0ea84eaf3716 f7cb1c942d657c41d436c7a1b6e29f65f3e900dbb9aff4064dc4ab2f843acda8";
    private const string HashAbcHex = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

    private const int Limit = 1024;

    public static readonly Vector[] Vectors =
    [
        VarUInt("varint-0", "0", 0, "00"),
        VarUInt("varint-1", "1", 1, "01"),
        VarUInt("varint-127", "127", 127, "7f"),
        VarUInt("varint-128", "128", 128, "80 01"),
        VarUInt("varint-300", "300", 300, "ac 02"),
        VarUInt("varint-16383", "16383 (2^14 - 1)", 16383, "ff 7f"),
        VarUInt("varint-16384", "16384 (2^14)", 16384, "80 80 01"),
        VarUInt("varint-u32-max", "4294967295 (2^32 - 1)", uint.MaxValue, "ff ff ff ff 0f"),
        VarUInt("varint-2^63", "9223372036854775808 (2^63)", 1UL << 63, "80 80 80 80 80 80 80 80 80 01"),
        VarUInt("varint-u64-max", "18446744073709551615 (2^64 - 1)", ulong.MaxValue, "ff ff ff ff ff ff ff ff ff 01"),

        Bool("bool-false", "false", false, "00"),
        Bool("bool-true", "true", true, "01"),

        Bytes("bytes-empty", "(empty)", [], "00"),
        Bytes("bytes-3", "01 02 03", [1, 2, 3], "03 010203"),

        Text("string-empty", "\"\"", string.Empty, "00"),
        Text("string-abc", "\"abc\"", "abc", "03 616263"),
        Text("string-e-acute", "\"é\" (U+00E9)", "é", "02 c3a9"),
        Text("string-euro", "\"€\" (U+20AC)", "€", "03 e282ac"),
        Text("string-emoji", "\"😀\" (U+1F600)", "😀", "04 f09f9880"),

        HashVector("hash-zero", "all-zero hash", Hash256.Zero, new string('0', 64)),
        HashVector("hash-sha256-abc", "SHA-256(\"abc\")", Hash256.Compute("abc"u8), HashAbcHex),

        KeyVector("key-p256-rfc6979", "P-256 key of RFC 6979 A.2.5", KeyHex),

        SignatureVector("sig-p256-rfc6979-test", "RFC 6979 A.2.5, SHA-256, \"test\"", SigTestHex),
        SignatureVector("sig-p256-rfc6979-sample-low-s", "RFC 6979 A.2.5, SHA-256, \"sample\", S replaced by n - S", SigSampleHex),

        OptionalText("optional-absent", "absent", null, "00"),
        OptionalText("optional-string-empty", "present \"\"", string.Empty, "01 00"),
        OptionalText("optional-string-a", "present \"a\"", "a", "01 01 61"),

        VarUIntList("list-empty", "[]", [], "00"),
        VarUIntList("list-varints", "[1, 128, 0] (varints)", [1, 128, 0], "03 01 8001 00"),
        TextList("list-strings", "[\"a\", \"bc\"] (strings)", ["a", "bc"], "02 0161 026263"),
    ];

    public static readonly Rejection[] Rejections =
    [
        new("reject-varint-truncated", "80", "varint", DecodeError.Truncated),
        new("reject-varint-overlong-0", "80 00", "varint", DecodeError.NonCanonical),
        new("reject-varint-overlong-127", "ff 00", "varint", DecodeError.NonCanonical),
        new("reject-varint-65-bits", "ff ff ff ff ff ff ff ff ff 02", "varint", DecodeError.Oversize),
        new("reject-varint-11-bytes", "ff ff ff ff ff ff ff ff ff ff 01", "varint", DecodeError.Oversize),
        new("reject-bool-2", "02", "bool", DecodeError.NonCanonical),
        new("reject-bool-ff", "ff", "bool", DecodeError.NonCanonical),
        new("reject-string-overlong-utf8", "02 c0af", "string (max 16 bytes)", DecodeError.InvalidValue),
        new("reject-string-surrogate", "03 eda080", "string (max 16 bytes)", DecodeError.InvalidValue),
        new("reject-string-ff", "01 ff", "string (max 16 bytes)", DecodeError.InvalidValue),
        new("reject-bytes-over-limit", "03 010203", "bytes (max 2)", DecodeError.Oversize),
        new("reject-bytes-truncated", "05 0102", "bytes (max 16)", DecodeError.Truncated),
        new("reject-trailing-bytes", "01 00", "bool", DecodeError.TrailingBytes),
        new("reject-key-unknown-tag", "03 60fed4ba255a9d31c961eb74c6356d68c049b8923b61fa6ce669622e60f29fb6 7903fe1008b8bc99a41ae9e95628bc64f2f1b20c2d7e9f5177a3c294d4462299", "key", DecodeError.UnknownType),
        new("reject-key-truncated", "01 60fed4ba", "key", DecodeError.Truncated),
        new("reject-sig-high-s", SigSampleHighSHex, "signature", DecodeError.NonCanonical),
        new("reject-optional-marker-2", "02", "optional marker", DecodeError.NonCanonical),
        new("reject-list-over-limit", "03 01 02 03", "list of varints (max 2)", DecodeError.Oversize),
    ];

    private static readonly Dictionary<string, Action<byte[]>> Readers = new(StringComparer.Ordinal)
    {
        ["varint"] = b => Decode.Whole(b, (ref CanonicalReader r) => r.ReadVarUInt()),
        ["bool"] = b => Decode.Whole(b, (ref CanonicalReader r) => r.ReadBool()),
        ["string (max 16 bytes)"] = b => Decode.Whole(b, (ref CanonicalReader r) => r.ReadString(16, "string")),
        ["bytes (max 2)"] = b => Decode.Whole(b, (ref CanonicalReader r) => r.ReadBytes(2, "bytes").ToArray()),
        ["bytes (max 16)"] = b => Decode.Whole(b, (ref CanonicalReader r) => r.ReadBytes(16, "bytes").ToArray()),
        ["key"] = b => Decode.Whole(b, (ref CanonicalReader r) => PublicKey.Decode(ref r)),
        ["signature"] = b => Decode.Whole(b, (ref CanonicalReader r) => Signature.Decode(ref r)),
        ["optional marker"] = b => Decode.Whole(b, (ref CanonicalReader r) => r.ReadOptionalMarker()),
        ["list of varints (max 2)"] = b => Decode.Whole(b, (ref CanonicalReader r) => ReadVarUIntList(ref r, 2)),
    };

    public static TheoryData<string> VectorIds => [.. Vectors.Select(v => v.Id)];

    public static TheoryData<string> RejectionIds => [.. Rejections.Select(r => r.Id)];

    // ---- factories ----

    private static Vector VarUInt(string id, string value, ulong n, string hex) =>
        new(id, value, hex, w => w.WriteVarUInt(n), b => Assert.Equal(n, Decode.Whole(b, (ref CanonicalReader r) => r.ReadVarUInt())));

    private static Vector Bool(string id, string value, bool flag, string hex) =>
        new(id, value, hex, w => w.WriteBool(flag), b => Assert.Equal(flag, Decode.Whole(b, (ref CanonicalReader r) => r.ReadBool())));

    private static Vector Bytes(string id, string value, byte[] data, string hex) =>
        new(id, value, hex, w => w.WriteBytes(data), b => Assert.Equal(data, Decode.Whole(b, (ref CanonicalReader r) => r.ReadBytes(Limit, "bytes").ToArray())));

    private static Vector Text(string id, string value, string text, string hex) =>
        new(id, value, hex, w => w.WriteString(text), b => Assert.Equal(text, Decode.Whole(b, (ref CanonicalReader r) => r.ReadString(Limit, "string"))));

    private static Vector HashVector(string id, string value, Hash256 hash, string hex) =>
        new(id, value, hex, w => w.WriteHash(hash), b => Assert.Equal(hash, Decode.Whole(b, (ref CanonicalReader r) => r.ReadHash())));

    private static Vector KeyVector(string id, string value, string hex)
    {
        var key = PublicKey.Decode(Hex.Bytes(hex));
        return new(id, value, hex, key.Encode, b =>
        {
            Assert.Equal(key, Decode.Whole(b, (ref CanonicalReader r) => PublicKey.Decode(ref r)));
            Assert.True(SignatureVerifier.IsValidKey(key));
        });
    }

    private static Vector SignatureVector(string id, string value, string hex)
    {
        var signature = Signature.FromP256(Hex.Bytes(hex)[1..]);
        return new(id, value, hex, signature.Encode, b => Assert.Equal(signature, Decode.Whole(b, (ref CanonicalReader r) => Signature.Decode(ref r))));
    }

    private static Vector OptionalText(string id, string value, string? text, string hex) =>
        new(id, value, hex, w => w.WriteOptional(text, (x, s) => x.WriteString(s)), b => Assert.Equal(text, Decode.Whole(b, (ref CanonicalReader r) => r.ReadOptionalMarker() ? r.ReadString(Limit, "string") : null)));

    private static Vector VarUIntList(string id, string value, ulong[] items, string hex) =>
        new(id, value, hex, w => w.WriteList(items, (x, n) => x.WriteVarUInt(n)), b => Assert.Equal(items, Decode.Whole(b, (ref CanonicalReader r) => ReadVarUIntList(ref r, Limit))));

    private static Vector TextList(string id, string value, string[] items, string hex) =>
        new(id, value, hex, w => w.WriteList(items, (x, s) => x.WriteString(s)), b => Assert.Equal(items, Decode.Whole(b, (ref CanonicalReader r) =>
        {
            var result = new string[r.ReadLength(Limit, "count")];
            for (var i = 0; i < result.Length; i++)
            {
                result[i] = r.ReadString(Limit, "string");
            }

            return result;
        })));

    private static ulong[] ReadVarUIntList(ref CanonicalReader reader, int max)
    {
        var result = new ulong[reader.ReadLength(max, "count")];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = reader.ReadVarUInt();
        }

        return result;
    }

    // ---- tests ----

    [Theory]
    [MemberData(nameof(VectorIds))]
    public void Value_encodes_to_the_documented_bytes(string id)
    {
        var vector = Vectors.Single(v => v.Id == id);

        Assert.Equal(Hex.Normalize(vector.Hex), Hex.Of(Decode.Write(vector.Write)));
    }

    [Theory]
    [MemberData(nameof(VectorIds))]
    public void Documented_bytes_decode_to_the_value(string id)
    {
        var vector = Vectors.Single(v => v.Id == id);

        vector.CheckRead(Hex.Bytes(vector.Hex));
    }

    [Theory]
    [MemberData(nameof(RejectionIds))]
    public void Documented_invalid_input_is_refused_with_the_documented_class(string id)
    {
        var rejection = Rejections.Single(r => r.Id == id);
        var read = Readers[rejection.ReadAs];

        var ex = Assert.Throws<DecodeException>(() => read(Hex.Bytes(rejection.Hex)));

        Assert.Equal(rejection.Error, ex.Error);
    }

    [Fact]
    public void Vector_ids_are_unique()
    {
        var ids = Vectors.Select(v => v.Id).Concat(Rejections.Select(r => r.Id)).ToList();

        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Document_tables_and_this_class_list_the_same_vectors()
    {
        var (valid, rejected) = ReadDocumentTables();

        var expectedValid = Vectors.Select(v => $"{v.Id} | {v.Value} | {Hex.Normalize(v.Hex)}").ToList();
        var expectedRejected = Rejections.Select(r => $"{r.Id} | {Hex.Normalize(r.Hex)} | {r.ReadAs} | {r.Error}").ToList();

        Assert.Equal(expectedValid, valid);
        Assert.Equal(expectedRejected, rejected);
    }

    /// <summary>
    /// Rows of the two tables in the "Test vectors" section: every row whose first cell is a
    /// back-quoted id. Backquotes are dropped and hex cells lose their spaces.
    /// </summary>
    private static (List<string> Valid, List<string> Rejected) ReadDocumentTables()
    {
        var lines = File.ReadAllLines(FindDocument());
        var start = Array.FindIndex(lines, l => l.StartsWith("## ", StringComparison.Ordinal) && l.Contains("Test vectors", StringComparison.Ordinal));
        Assert.True(start >= 0, "docs/encoding.md has no \"Test vectors\" section");

        var valid = new List<string>();
        var rejected = new List<string>();
        for (var i = start + 1; i < lines.Length && !lines[i].StartsWith("## ", StringComparison.Ordinal); i++)
        {
            var match = RowPattern().Match(lines[i]);
            if (!match.Success)
            {
                continue;
            }

            var cells = lines[i].Trim().Trim('|').Split('|').Select(c => c.Trim().Trim('`').Trim()).ToArray();
            if (cells.Length == 3)
            {
                valid.Add($"{cells[0]} | {cells[1]} | {Hex.Normalize(cells[2])}");
            }
            else if (cells.Length == 4)
            {
                rejected.Add($"{cells[0]} | {Hex.Normalize(cells[1])} | {cells[2]} | {cells[3]}");
            }
            else
            {
                Assert.Fail($"docs/encoding.md line {i + 1}: a vector row has 3 cells (id, value, hex) or 4 (id, hex, read as, error).");
            }
        }

        return (valid, rejected);
    }

    internal static string FindDocument()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "docs", "encoding.md");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        Assert.Fail("docs/encoding.md not found above " + AppContext.BaseDirectory);
        return string.Empty;
    }

    [GeneratedRegex(@"^\|\s*`[a-z0-9^-]+`\s*\|")]
    private static partial Regex RowPattern();
}
