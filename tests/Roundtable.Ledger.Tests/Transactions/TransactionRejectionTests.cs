using Roundtable.Core.Crypto;
using Roundtable.Core.Encoding;
using Roundtable.Core.Hashing;
using Roundtable.Ledger.Messages;
using Roundtable.Ledger.Tests.Support;
using Roundtable.Ledger.Transactions;

namespace Roundtable.Ledger.Tests;

/// <summary>One test per rejection class of <see cref="Transaction.Decode"/>, each over several inputs.</summary>
public sealed class TransactionRejectionTests
{
    private const string Chain = "test-chain";

    // version (1) ‖ chain id length (1) ‖ "test-chain" (10) ‖ sender key (65) → sequence, expiry and message tag are one byte each.
    private const int SenderOffset = 12;
    private const int SequenceOffset = 77;
    private const int ExpiryOffset = 78;
    private const int TagOffset = 79;

    private static readonly Signature AnySignature = new LedgerSamples(1, sign: false).RandomSignature();

    private static readonly RegisterMember Member = new("Ada Lovelace", "civil-society", "europe", [new ProfileField("organisation", V)]);

    // A profile field commitment (its value travels beside the transaction, docs/personal-data.md).
    private static readonly Hash256 V = Hash256.Compute("Analytical Engines"u8);

    [Fact]
    public void Every_strict_prefix_is_Truncated()
    {
        foreach (var type in Enum.GetValues<MessageType>())
        {
            for (var seed = 0; seed < 3; seed++)
            {
                var bytes = new LedgerSamples((seed * 13) + (int)type, sign: false).Transaction(type).Encoded.ToArray();

                for (var length = 0; length < bytes.Length; length++)
                {
                    Assert.Equal(DecodeError.Truncated, Refused.Transaction(bytes[..length]));
                }
            }
        }
    }

    [Fact]
    public void A_byte_after_the_signature_is_TrailingBytes()
    {
        foreach (var type in Enum.GetValues<MessageType>())
        {
            var bytes = new LedgerSamples((int)type, sign: false).Transaction(type).Encoded.ToArray();

            Assert.Equal(DecodeError.TrailingBytes, Refused.Transaction([.. bytes, 0x00]));
            Assert.Equal(DecodeError.TrailingBytes, Refused.Transaction([.. bytes, .. bytes]));
        }
    }

    [Fact]
    public void Sizes_counts_and_numbers_over_their_limits_are_Oversize()
    {
        var over100 = new string('n', RegisterMember.MaxDisplayNameBytes - 1) + "é"; // 101 bytes, 100 chars
        var cases = new (string What, byte[] Bytes)[]
        {
            ("whole transaction", new byte[TransactionLimits.MaxEncodedSize + 1]),
            ("whole valid-looking transaction", [.. Encode(Member), .. new byte[TransactionLimits.MaxEncodedSize]]),
            ("chain id", Encode(Member, chain: new string('c', ChainId.MaxLength + 1))),
            ("display name", Encode(Member with { DisplayName = over100 })),
            ("stakeholder group", Encode(Member with { StakeholderGroup = new string('g', Identifier.MaxLength + 1) })),
            ("region", Encode(Member with { Region = new string('r', Identifier.MaxLength + 1) })),
            ("profile field name", Encode(Member with { Profile = [new ProfileField(new string('f', Identifier.MaxLength + 1), V)] })),
            ("profile field count", Encode(Member with { Profile = [.. Enumerable.Range(0, ProfileField.MaxFields + 1).Select(i => new ProfileField($"f{i:D2}", V))] })),
            ("guardian count", Encode(new SetGuardians(Hashes(SetGuardians.MaxGuardians + 1), 1))),
            ("guardian threshold", Encode(new SetGuardians(Hashes(2), SetGuardians.MaxGuardians + 1))),
            ("sequence over 64 bits", Edit.Splice(Encode(Member), SequenceOffset, 1, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x02)),
            ("expiry of 11 bytes", Edit.Splice(Encode(Member), ExpiryOffset, 1, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01)),
            ("message tag over 64 bits", Edit.Splice(Encode(Member), TagOffset, 1, 0x81, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x7f)),
        };

        foreach (var (what, bytes) in cases)
        {
            Assert.True(DecodeError.Oversize == Refused.Transaction(bytes), what);
        }
    }

    [Fact]
    public void Overlong_varints_unsorted_sets_and_high_S_are_NonCanonical()
    {
        var hashes = Hashes(3);
        var rotate = new RotateKey(LedgerSamples.Key(2).PublicKey, AnySignature);
        var rotateBytes = Encode(rotate);
        var cases = new (string What, byte[] Bytes)[]
        {
            ("overlong sequence", Edit.Splice(Encode(Member), SequenceOffset, 1, 0x85, 0x00)),
            ("overlong expiry", Edit.Splice(Encode(Member), ExpiryOffset, 1, 0xe4, 0x80, 0x00)),
            ("overlong message tag", Edit.Splice(Encode(Member), TagOffset, 1, 0x81, 0x00)),
            ("overlong chain id length", Edit.Splice(Encode(Member), 1, 1, 0x8a, 0x00)),
            ("overlong display name length", Edit.Splice(Encode(Member), TagOffset + 1, 1, 0x8c, 0x00)),
            ("overlong guardian count", Edit.Splice(Encode(new SetGuardians(hashes, 1)), TagOffset + 1, 1, 0x83, 0x00)),
            ("unsorted profile fields", Encode(Member with { Profile = [new ProfileField("b", V), new ProfileField("a", V)] })),
            ("duplicate profile fields", Encode(Member with { Profile = [new ProfileField("a", V), new ProfileField("a", V)] })),
            ("unsorted guardians", Encode(new SetGuardians([hashes[1], hashes[0], hashes[2]], 2))),
            ("duplicate guardians", Encode(new SetGuardians([hashes[0], hashes[0]], 1))),
            ("high-S transaction signature", [.. Encode(Member).AsSpan(0, Encode(Member).Length - Signature.EncodedSize), .. HighS.Twin(AnySignature)]),
            ("high-S possession signature", Edit.Splice(rotateBytes, TagOffset + 1 + PublicKey.EncodedSize, Signature.EncodedSize, HighS.Twin(AnySignature))),
        };

        foreach (var (what, bytes) in cases)
        {
            Assert.True(DecodeError.NonCanonical == Refused.Transaction(bytes), what);
        }
    }

    [Fact]
    public void Unknown_versions_message_types_and_key_algorithms_are_UnknownType()
    {
        var bytes = Encode(Member);
        var rotateBytes = Encode(new RotateKey(LedgerSamples.Key(2).PublicKey, AnySignature));
        var cases = new (string What, byte[] Bytes)[]
        {
            ("version 0", Edit.Set(bytes, 0, 0)),
            ("version 2", Edit.Set(bytes, 0, 2)),
            ("message type 0", Edit.Set(bytes, TagOffset, 0)),
            ("message type 10", Edit.Set(Encode(new RevokeKey()), TagOffset, 10)),
            ("message type 127", Edit.Set(Encode(new RevokeKey()), TagOffset, 127)),
            ("message type 2^64 - 1", Edit.Splice(bytes, TagOffset, 1, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01)),
            ("sender key algorithm 3", Edit.Set(bytes, SenderOffset, 3)),
            ("sender key algorithm 0", Edit.Set(bytes, SenderOffset, 0)),
            ("signature algorithm 3", Edit.Set(bytes, bytes.Length - Signature.EncodedSize, 3)),
            ("new key algorithm 3", Edit.Set(rotateBytes, TagOffset + 1, 3)),
            ("possession signature algorithm 3", Edit.Set(rotateBytes, TagOffset + 1 + PublicKey.EncodedSize, 3)),
        };

        foreach (var (what, input) in cases)
        {
            Assert.True(DecodeError.UnknownType == Refused.Transaction(input), what);
        }
    }

    [Fact]
    public void Malformed_chain_ids_identifiers_and_text_are_InvalidValue()
    {
        var nameOffset = TagOffset + 2; // after the tag and the display name's one-byte length
        var cases = new (string What, byte[] Bytes)[]
        {
            ("empty chain id", Encode(Member, chain: string.Empty)),
            ("upper-case chain id", Encode(Member, chain: "Test-chain")),
            ("chain id with a space", Encode(Member, chain: "test chain")),
            ("chain id with a non-ASCII letter", Encode(Member, chain: "tést")),
            ("empty display name", Encode(Member with { DisplayName = string.Empty })),
            ("group starting with a digit", Encode(Member with { StakeholderGroup = "1group" })),
            ("upper-case group", Encode(Member with { StakeholderGroup = "Civil" })),
            ("empty region", Encode(Member with { Region = string.Empty })),
            ("region with an underscore", Encode(Member with { Region = "latin_america" })),
            ("profile field name with a dot", Encode(Member with { Profile = [new ProfileField("org.name", V)] })),
            ("display name with an invalid UTF-8 byte", Edit.Set(Encode(Member), nameOffset, 0xff)),
            ("display name with an overlong UTF-8 sequence", Edit.Splice(Encode(Member), nameOffset, 2, 0xc1, 0x81)),
            ("display name with an encoded surrogate", Edit.Splice(Encode(Member), nameOffset, 3, 0xed, 0xa0, 0x80)),
        };

        foreach (var (what, bytes) in cases)
        {
            Assert.True(DecodeError.InvalidValue == Refused.Transaction(bytes), what);
        }
    }

    [Fact]
    public void The_fixed_offsets_used_above_point_at_the_fields_they_name()
    {
        var bytes = Encode(Member, sequence: 0x55, expiry: 0x66);

        Assert.Equal(0x55, bytes[SequenceOffset]);
        Assert.Equal(0x66, bytes[ExpiryOffset]);
        Assert.Equal((byte)MessageType.RegisterMember, bytes[TagOffset]);
        Assert.Equal((byte)SignatureAlgorithm.EcdsaP256Sha256, bytes[SenderOffset]);
        Assert.Equal((byte)Member.DisplayName.Length, bytes[TagOffset + 1]);
        Assert.Equal((byte)'A', bytes[TagOffset + 2]);
    }

    private static byte[] Encode(TxMessage message, string chain = Chain, ulong sequence = 5, ulong expiry = 100) =>
        Transaction.FromParts(chain, LedgerSamples.Key(1).PublicKey, sequence, expiry, message, AnySignature).Encoded.ToArray();

    private static Hash256[] Hashes(int count)
    {
        var samples = new LedgerSamples(99, sign: false);
        return [.. Enumerable.Range(0, count).Select(_ => samples.Hash()).Order()];
    }
}
