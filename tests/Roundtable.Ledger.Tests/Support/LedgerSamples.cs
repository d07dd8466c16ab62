using System.Security.Cryptography;
using System.Text;
using Roundtable.Core.Crypto;
using Roundtable.Core.Hashing;
using Roundtable.Ledger.Blocks;
using Roundtable.Ledger.Consensus;
using Roundtable.Ledger.Messages;
using Roundtable.Ledger.Transactions;
using Roundtable.Ledger.Validators;

namespace Roundtable.Ledger.Tests.Support;

/// <summary>
/// Seeded generator of valid ledger values: every message type, unicode text, boundary lengths and
/// boundary integers. The same seed gives the same values. With <c>sign: false</c> signatures are
/// random low-S bytes instead of real ECDSA signatures (which use random nonces), so the generated
/// encodings are byte-for-byte reproducible; decoding never checks signatures, so they stay valid
/// encodings. Also compiled into the fuzzer (fuzz/Roundtable.Fuzz) to build its seed corpus.
/// </summary>
internal sealed partial class LedgerSamples
{
    private static readonly MessageType[] AllMessageTypes = Enum.GetValues<MessageType>();

    /// <summary>Number of fixed keys available through <see cref="Key"/>.</summary>
    public const int KeyCount = 256;

    private static readonly PrivateKey?[] Keys = new PrivateKey?[KeyCount];
    private static readonly Lock KeysGate = new();

    // Code points by UTF-8 width, including combining marks, right-to-left text, a BOM and NUL.
    private static readonly string[] OneByte = ["a", "Z", "0", " ", "-", "\0", "~", "\t"];
    private static readonly string[] TwoBytes = ["é", "ß", "ñ", "Ω", "ж", "ع", "\u0301", "ł"];
    private static readonly string[] ThreeBytes = ["€", "中", "文", "あ", "한", "\uFEFF", "\u200D", "ก"];
    private static readonly string[] FourBytes = ["😀", "𝄞", "🌍", "𠜎", "🏳\uFE0F"];

    private static readonly ulong[] InterestingIntegers =
        [0, 1, 2, 126, 127, 128, 255, 16_383, 16_384, uint.MaxValue, (ulong)uint.MaxValue + 1, (1UL << 63) - 1, 1UL << 63, ulong.MaxValue - 1, ulong.MaxValue];

    private readonly Random _random;
    private readonly bool _sign;

    /// <summary>A generator for <paramref name="seed"/>; <paramref name="sign"/> chooses real or random signatures.</summary>
    public LedgerSamples(int seed, bool sign = true)
    {
        _random = new Random(seed);
        _sign = sign;
    }

    /// <summary>The fixed private key number <paramref name="index"/> (scalar = SHA-256("roundtable-test-key-" ‖ index)).</summary>
    public static PrivateKey Key(int index)
    {
        lock (KeysGate)
        {
            return Keys[index] ??= PrivateKey.FromScalar(SHA256.HashData(Encoding.UTF8.GetBytes($"roundtable-test-key-{index}")));
        }
    }

    /// <summary>The underlying random source, for callers that need extra choices.</summary>
    public Random Random => _random;

    /// <summary>A valid chain id of 1–64 characters (the maximum length with some probability).</summary>
    public string ChainId()
    {
        const string chars = "abcdefghijklmnopqrstuvwxyz0123456789._-";
        var length = BoundaryLength(1, Ledger.ChainId.MaxLength);
        return RandomString(chars, length);
    }

    /// <summary>A valid identifier of 1–32 characters.</summary>
    public string Identifier()
    {
        const string first = "abcdefghijklmnopqrstuvwxyz";
        const string rest = "abcdefghijklmnopqrstuvwxyz0123456789-";
        var length = BoundaryLength(1, Ledger.Identifier.MaxLength);
        return RandomString(first, 1) + RandomString(rest, length - 1);
    }

    /// <summary>
    /// Unicode text of between <paramref name="minBytes"/> and <paramref name="maxBytes"/> UTF-8
    /// bytes, often exactly at one of the bounds. Mixes 1- to 4-byte code points.
    /// </summary>
    public string Text(int minBytes, int maxBytes)
    {
        var target = BoundaryLength(minBytes, maxBytes);
        var builder = new StringBuilder();
        var bytes = 0;
        while (bytes < target)
        {
            var pool = _random.Next(4) switch
            {
                0 => OneByte,
                1 => TwoBytes,
                2 => ThreeBytes,
                _ => FourBytes,
            };
            var piece = pool[_random.Next(pool.Length)];
            var size = Encoding.UTF8.GetByteCount(piece);
            if (bytes + size > target)
            {
                piece = "x";
                size = 1;
            }

            builder.Append(piece);
            bytes += size;
        }

        return builder.ToString();
    }

    /// <summary>A random hash.</summary>
    public Hash256 Hash()
    {
        Span<byte> bytes = stackalloc byte[Hash256.Size];
        _random.NextBytes(bytes);
        return Hash256.FromBytes(bytes);
    }

    /// <summary>An integer that is often a varint boundary.</summary>
    public ulong Integer() =>
        _random.Next(3) == 0 ? InterestingIntegers[_random.Next(InterestingIntegers.Length)] : (ulong)_random.NextInt64() >> _random.Next(64);

    /// <summary>A public key among the fixed keys.</summary>
    public PrivateKey AnyKey() => Key(_random.Next(KeyCount));

    /// <summary>Random low-S r‖s bytes: a well-formed signature that verifies nothing.</summary>
    public Signature RandomSignature()
    {
        Span<byte> rs = stackalloc byte[Signature.P256Size];
        _random.NextBytes(rs);
        rs[32] &= 0x7F;
        return Signature.FromP256(rs);
    }

    /// <summary>A random message of a random type.</summary>
    public TxMessage Message(string chainId) => Message(AllMessageTypes[_random.Next(AllMessageTypes.Length)], chainId);

    /// <summary>A random message of <paramref name="type"/>.</summary>
    public TxMessage Message(MessageType type, string chainId) => type switch
    {
        MessageType.RegisterMember => new RegisterMember(Text(1, RegisterMember.MaxDisplayNameBytes), Identifier(), Identifier(), Profile()),
        MessageType.AttestAffiliation => new AttestAffiliation(Hash()),
        MessageType.RotateKey => RotateKey(chainId),
        MessageType.SetGuardians => Guardians(),
        MessageType.ApproveRecovery => new ApproveRecovery(Hash(), AnyKey().PublicKey),
        MessageType.CancelRecovery => new CancelRecovery(),
        MessageType.RevokeKey => new RevokeKey(),
        MessageType.WithdrawPersonalField => new Messages.PersonalData.WithdrawPersonalField(Hash()),
        MessageType.AttestCertificate or MessageType.PostRevocationList => IdentityMessage(type),
        _ when (ushort)type is >= 16 and <= 47 => GovernanceMessage(type),
        >= MessageType.CreateSession and <= MessageType.ConcludeWorkingGroup => SessionOrWorkingGroupMessage(type),
        >= MessageType.AnchorDocument and <= MessageType.SupersedeAnchor => NotaryMessage(type),
        >= MessageType.RegisterName and <= MessageType.RenewName => NameMessage(type),
        >= MessageType.VolunteerAsArbitrator and <= MessageType.ExecuteRemedy => DisputeMessage(type, chainId),
        >= MessageType.PublishPracticeStatement and <= MessageType.CommentOnPracticeStatement => PracticeMessage(type),
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown message type."),
    };

    /// <summary>A transaction with a random message of <paramref name="type"/> (any type when null).</summary>
    public Transaction Transaction(MessageType? type = null, string? chainId = null)
    {
        chainId ??= ChainId();
        var message = type is { } t ? Message(t, chainId) : Message(chainId);
        var key = AnyKey();
        var sequence = Integer();
        var expiry = Integer();
        return _sign
            ? Transactions.Transaction.Create(chainId, key, sequence, expiry, message)
            : Transactions.Transaction.FromParts(chainId, key.PublicKey, sequence, expiry, message, RandomSignature());
    }

    /// <summary>A validator set of <paramref name="count"/> fixed keys spread over a few groups, power assigned per group.</summary>
    public ValidatorSet ValidatorSet(int count)
    {
        var groups = Enumerable.Range(0, 1 + _random.Next(6)).Select(_ => Identifier()).ToArray();
        var validators = new List<Validator>(count);
        foreach (var index in DistinctKeyIndexes(count))
        {
            validators.Add(new Validator(Key(index).PublicKey, Text(1, Validator.MaxNameBytes), groups[_random.Next(groups.Length)], 1));
        }

        return new ValidatorSet(StakeholderPower.Assign(validators));
    }

    /// <summary>
    /// A commit for <paramref name="blockId"/> at <paramref name="height"/> signed by a random
    /// subset of <paramref name="validators"/> (all of them when <paramref name="all"/>).
    /// </summary>
    public Commit Commit(string chainId, ulong height, Hash256 blockId, ValidatorSet validators, bool all = false)
    {
        var round = _random.Next(4) == 0 ? (uint)Integer() : (uint)_random.Next(3);
        var signatures = new List<CommitSignature>();
        foreach (var validator in validators.Validators)
        {
            if (!all && _random.Next(4) == 0)
            {
                continue;
            }

            var timestamp = Integer();
            var key = PrivateFor(validator.Key);
            var signature = _sign
                ? key.Sign(CanonicalVote.SigningPayload(chainId, VoteType.Precommit, height, round, blockId, timestamp))
                : RandomSignature();
            signatures.Add(new CommitSignature(validator.Key, timestamp, signature));
        }

        return new Commit(height, round, blockId, signatures);
    }

    /// <summary>
    /// A block at <paramref name="height"/> with <paramref name="transactionCount"/> transactions;
    /// above height 1 it carries a commit of its parent by <paramref name="validators"/>.
    /// </summary>
    public Block Block(ulong height, int transactionCount, ValidatorSet validators, string? chainId = null)
    {
        chainId ??= ChainId();
        var transactions = Enumerable.Range(0, transactionCount).Select(_ => Transaction(chainId: chainId)).ToArray();
        var evidence = _random.Next(3) == 0 ? Enumerable.Range(0, 1 + _random.Next(2)).Select(_ => Evidence(chainId, validators)).ToArray() : [];
        var previous = height == 1 ? Hash256.Zero : Hash();
        var commit = height == 1 ? null : Commit(chainId, height - 1, previous, validators);
        var header = new BlockHeader(
            chainId,
            height,
            Integer(),
            previous,
            Blocks.Block.ComputeTxRoot(transactions),
            Blocks.Block.ComputeEvidenceRoot(evidence),
            Hash(),
            validators.Hash,
            _random.Next(2) == 0 ? validators.Hash : Hash(),
            validators.Validators[_random.Next(validators.Validators.Count)].Key,
            commit);
        return new Block(header, transactions, evidence);
    }

    /// <summary>Two conflicting votes of one validator of <paramref name="validators"/> at the same height, round and step.</summary>
    public DuplicateVoteEvidence Evidence(string chainId, ValidatorSet validators)
    {
        var validator = validators.Validators[_random.Next(validators.Validators.Count)].Key;
        var type = _random.Next(2) == 0 ? VoteType.Prevote : VoteType.Precommit;
        var height = Integer();
        var round = (uint)_random.Next(5);
        return new DuplicateVoteEvidence(
            Vote(chainId, validator, type, height, round, Hash()),
            Vote(chainId, validator, type, height, round, _random.Next(4) == 0 ? Hash256.Zero : Hash()));
    }

    /// <summary>A vote by <paramref name="validator"/> with a random timestamp.</summary>
    public Vote Vote(string chainId, PublicKey validator, VoteType type, ulong height, uint round, Hash256 blockId)
    {
        var timestamp = Integer();
        return _sign
            ? Consensus.Vote.Sign(chainId, type, height, round, blockId, timestamp, validator, payload => PrivateFor(validator).Sign(payload))
            : new Vote(type, height, round, blockId, timestamp, validator, RandomSignature());
    }

    /// <summary>A proposal at a random height and round, with a proof-of-lock round of −1 or below the round.</summary>
    public Proposal Proposal(string chainId)
    {
        var key = AnyKey();
        var round = _random.Next(4) switch
        {
            0 => (uint)Integer(),
            1 => _random.Next(2) == 0 ? uint.MaxValue : (uint)int.MaxValue + 1,
            _ => (uint)_random.Next(6),
        };
        var polRound = _random.Next(3) switch
        {
            _ when round == 0 => -1,
            0 => -1,
            1 => (int)Math.Min(round - 1, int.MaxValue - 1),
            _ => _random.Next((int)Math.Min(round, int.MaxValue)),
        };
        var height = Integer();
        var blockId = Hash();
        return _sign
            ? Consensus.Proposal.Sign(chainId, height, round, polRound, blockId, key.PublicKey, payload => key.Sign(payload))
            : new Proposal(height, round, polRound, blockId, key.PublicKey, RandomSignature());
    }

    /// <summary>The fixed private key whose public key is <paramref name="key"/>.</summary>
    public static PrivateKey PrivateFor(PublicKey key)
    {
        for (var i = 0; i < KeyCount; i++)
        {
            if (Key(i).PublicKey.Equals(key))
            {
                return Key(i);
            }
        }

        throw new ArgumentException("Not one of the fixed test keys.", nameof(key));
    }

    /// <summary><paramref name="count"/> distinct indexes into the fixed keys.</summary>
    public int[] DistinctKeyIndexes(int count)
    {
        var indexes = Enumerable.Range(0, KeyCount).ToArray();
        _random.Shuffle(indexes);
        return indexes[..count];
    }

    private RotateKey RotateKey(string chainId)
    {
        var newKey = AnyKey();
        var signature = _sign ? newKey.Sign(Messages.RotateKey.PossessionPayload(chainId, Hash())) : RandomSignature();
        return new RotateKey(newKey.PublicKey, signature);
    }

    private SetGuardians Guardians()
    {
        var count = BoundaryLength(0, SetGuardians.MaxGuardians);
        var guardians = Enumerable.Range(0, count).Select(_ => Hash()).Distinct().Order().ToArray();
        var threshold = guardians.Length == 0 ? 0u : (uint)_random.Next(1, guardians.Length + 1);
        return new SetGuardians(guardians, threshold);
    }

    private ProfileField[] Profile()
    {
        var count = BoundaryLength(0, ProfileField.MaxFields);
        var names = new SortedSet<string>(StringComparer.Ordinal);
        while (names.Count < count)
        {
            names.Add(Identifier());
        }

        return [.. names.Select(n => new ProfileField(n, Hash()))];
    }

    /// <summary>A length in [min, max]: the minimum or maximum a quarter of the time each.</summary>
    private int BoundaryLength(int min, int max) => _random.Next(4) switch
    {
        0 => min,
        1 => max,
        _ => _random.Next(min, max + 1),
    };

    private string RandomString(string alphabet, int length)
    {
        var chars = new char[length];
        for (var i = 0; i < length; i++)
        {
            chars[i] = alphabet[_random.Next(alphabet.Length)];
        }

        return new string(chars);
    }
}
