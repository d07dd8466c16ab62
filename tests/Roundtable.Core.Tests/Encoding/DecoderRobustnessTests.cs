using Roundtable.Core.Crypto;
using Roundtable.Core.Encoding;
using Roundtable.Core.Hashing;

namespace Roundtable.Core.Tests.Encoding;

/// <summary>Decoders refuse bad input with <see cref="DecodeException"/> and nothing else.</summary>
public sealed class DecoderRobustnessTests
{
    private sealed record Sample(ulong Number, bool Flag, string Text, byte[] Data, Hash256 Hash, PublicKey Key, Signature Signature, string? Note, ulong[] Items);

    private static readonly PublicKey Key;
    private static readonly Signature Sig;

    static DecoderRobustnessTests()
    {
        using var key = PrivateKey.FromScalar(Convert.FromHexString("c9afa9d845ba75166b5c215767b1d6934e50c3db36e89b127b8a622b120f6721"));
        Key = key.PublicKey;
        Sig = key.Sign("robustness"u8);
    }

    private static byte[] Encode(Sample s)
    {
        var w = new CanonicalWriter();
        w.WriteVarUInt(s.Number);
        w.WriteBool(s.Flag);
        w.WriteString(s.Text);
        w.WriteBytes(s.Data);
        w.WriteHash(s.Hash);
        s.Key.Encode(w);
        s.Signature.Encode(w);
        w.WriteOptional(s.Note, (x, n) => x.WriteString(n));
        w.WriteList(s.Items, (x, i) => x.WriteVarUInt(i));
        return w.ToArray();
    }

    private static Sample DecodeSample(ReadOnlySpan<byte> bytes)
    {
        var r = new CanonicalReader(bytes);
        var number = r.ReadVarUInt();
        var flag = r.ReadBool();
        var text = r.ReadString(64, "text");
        var data = r.ReadBytes(64, "data").ToArray();
        var hash = r.ReadHash();
        var key = PublicKey.Decode(ref r);
        var signature = Signature.Decode(ref r);
        var note = r.ReadOptionalMarker() ? r.ReadString(64, "note") : null;
        var count = r.ReadLength(16, "items");
        var items = new ulong[count];
        for (var i = 0; i < count; i++)
        {
            items[i] = r.ReadVarUInt();
        }

        r.EnsureEnd();
        return new Sample(number, flag, text, data, hash, key, signature, note, items);
    }

    private static Sample RandomSample(Random random)
    {
        var data = new byte[random.Next(0, 65)];
        random.NextBytes(data);
        var items = new ulong[random.Next(0, 17)];
        for (var i = 0; i < items.Length; i++)
        {
            items[i] = (ulong)random.NextInt64() >> random.Next(0, 63);
        }

        return new Sample(
            (ulong)random.NextInt64() >> random.Next(0, 63),
            random.Next(2) == 1,
            new string('é', random.Next(0, 33)),
            data,
            Hash256.Compute(data),
            Key,
            Sig,
            random.Next(2) == 1 ? "note" : null,
            items);
    }

    private static void AssertOnlyDecodeException(byte[] input)
    {
        try
        {
            var decoded = DecodeSample(input);
            // Whatever was accepted must be the one canonical encoding of what was decoded.
            Assert.Equal(input, Encode(decoded));
        }
        catch (DecodeException)
        {
        }
    }

    [Fact]
    public void Valid_samples_round_trip()
    {
        var random = new Random(40);
        for (var i = 0; i < 500; i++)
        {
            var bytes = Encode(RandomSample(random));
            Assert.Equal(bytes, Encode(DecodeSample(bytes)));
        }
    }

    [Fact]
    public void Random_bytes_are_refused_only_with_DecodeException()
    {
        var random = new Random(41);
        for (var i = 0; i < 20_000; i++)
        {
            var input = new byte[random.Next(0, 300)];
            random.NextBytes(input);
            AssertOnlyDecodeException(input);
        }
    }

    [Fact]
    public void Mutated_and_truncated_encodings_are_refused_only_with_DecodeException()
    {
        var random = new Random(42);
        for (var i = 0; i < 3_000; i++)
        {
            var valid = Encode(RandomSample(random));

            // Every prefix is truncated.
            var cut = random.Next(0, valid.Length);
            Assert.Throws<DecodeException>(() => DecodeSample(valid.AsSpan(0, cut)));

            // A trailing byte is refused.
            Assert.Equal(DecodeError.TrailingBytes, Assert.Throws<DecodeException>(() => DecodeSample([.. valid, 0])).Error);

            // Random byte and bit mutations are either refused or decode to a value that re-encodes identically.
            var mutated = valid.ToArray();
            for (var m = random.Next(1, 4); m > 0; m--)
            {
                var at = random.Next(mutated.Length);
                mutated[at] = random.Next(2) == 0 ? (byte)random.Next(256) : (byte)(mutated[at] ^ (1 << random.Next(8)));
            }

            AssertOnlyDecodeException(mutated);
        }
    }
}
