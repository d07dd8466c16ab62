using System.Globalization;
using System.Text;
using System.Text.Json;
using Roundtable.Application.Execution;
using Roundtable.Application.Governance.Proposals;
using Roundtable.Core.Crypto;
using Roundtable.Core.Encoding;
using Roundtable.Ledger.Blocks;
using Roundtable.Ledger.Consensus;
using Roundtable.Ledger.DataPractices;
using Roundtable.Ledger.Messages;
using Roundtable.Ledger.Notary;
using Roundtable.Ledger.PersonalData;
using Roundtable.Ledger.Tests.Support;
using Roundtable.Ledger.Transactions;
using Roundtable.Ledger.Validators;
using Roundtable.Node.Chain;
using Roundtable.Node.Json;
using Roundtable.Node.Peers;
using Roundtable.Node.PersonalData;
using Roundtable.Merkle;
using Roundtable.Node.StateSync;
using Roundtable.Storage;
using Roundtable.Proofs.Bundles;
using Roundtable.Proofs.LightClient;
using Roundtable.Proofs.Verification;
using Roundtable.Tests.Support;

namespace Roundtable.Fuzz;

/// <summary>The decoders the fuzzer attacks, with their seed inputs and properties.</summary>
internal static class Targets
{
    private const string LedgerTests = "Roundtable.Ledger.Tests";
    private const string NodeTests = "Roundtable.Node.Tests";
    private const string ProofsTests = "Roundtable.Proofs.Tests";

    private static readonly JsonDocumentOptions JsonOptions = new() { MaxDepth = 64 };

    /// <summary>Every target, in the order <c>--target all</c> runs them.</summary>
    public static IReadOnlyList<FuzzTarget> All { get; } =
    [
        new()
        {
            Name = "transaction",
            TestProject = LedgerTests,
            Seeds = TransactionSeeds,
            Run = RunTransaction,
            IsExpected = static e => e is DecodeException,
            Dictionary = BinaryDictionary(),
        },
        new()
        {
            Name = "transaction-batch",
            TestProject = LedgerTests,
            Seeds = TransactionBatchSeeds,
            Run = RunTransactionBatch,
            IsExpected = static e => e is DecodeException,
            Dictionary = BinaryDictionary(),
            MaxInputSize = 256 * 1024,
        },
        new()
        {
            Name = "signature",
            TestProject = LedgerTests,
            Seeds = SignatureSeeds,
            Run = RunSignature,
            IsExpected = static e => e is DecodeException,
            Dictionary = [.. BinaryDictionary(), .. PasskeyDictionary()],
        },
        new()
        {
            Name = "block",
            TestProject = LedgerTests,
            Seeds = BlockSeeds,
            Run = RunBlock,
            IsExpected = static e => e is DecodeException,
            Dictionary = BinaryDictionary(),
            MaxInputSize = 256 * 1024,
        },
        new()
        {
            Name = "commit",
            TestProject = LedgerTests,
            Seeds = CommitSeeds,
            Run = RunCommit,
            IsExpected = static e => e is DecodeException,
            Dictionary = BinaryDictionary(),
        },
        new()
        {
            Name = "validator-set",
            TestProject = LedgerTests,
            Seeds = ValidatorSetSeeds,
            Run = RunValidatorSet,
            IsExpected = static e => e is DecodeException,
            Dictionary = BinaryDictionary(),
        },
        new()
        {
            Name = "vote",
            TestProject = LedgerTests,
            Seeds = VoteSeeds,
            Run = RunCanonical<Vote>,
            IsExpected = static e => e is DecodeException,
            Dictionary = BinaryDictionary(),
        },
        new()
        {
            Name = "proposal",
            TestProject = LedgerTests,
            Seeds = ProposalSeeds,
            Run = RunCanonical<Proposal>,
            IsExpected = static e => e is DecodeException,
            Dictionary = BinaryDictionary(),
        },
        new()
        {
            Name = "message",
            TestProject = LedgerTests,
            Seeds = MessageSeeds,
            Run = RunMessage,
            IsExpected = static e => e is DecodeException,
            Dictionary = BinaryDictionary(),
        },
        new()
        {
            Name = "anchor-record",
            TestProject = LedgerTests,
            Seeds = AnchorRecordSeeds,
            Run = RunCanonical<AnchorRecord>,
            IsExpected = static e => e is DecodeException,
            Dictionary = BinaryDictionary(),
        },
        new()
        {
            Name = "practice-document",
            TestProject = LedgerTests,
            Seeds = PracticeDocumentSeeds,
            Run = RunCanonical<PracticeDocument>,
            IsExpected = static e => e is DecodeException,
            Dictionary = [.. BinaryDictionary(), .. LegalBases.All.Concat(LegalBases.Transfers).Select(Encoding.UTF8.GetBytes)],
        },
        new()
        {
            Name = "governance-parameters",
            TestProject = NodeTests,
            Seeds = GovernanceParameterSeeds,
            Run = RunCanonical<GovernanceParameters>,
            IsExpected = static e => e is DecodeException,
            Dictionary = BinaryDictionary(),
        },
        new()
        {
            Name = "proposal-record",
            TestProject = NodeTests,
            Seeds = ProposalRecordSeeds,
            Run = RunCanonical<ProposalRecord>,
            IsExpected = static e => e is DecodeException,
            Dictionary = BinaryDictionary(),
            MaxInputSize = 96 * 1024,
        },
        new()
        {
            Name = "stored-block",
            TestProject = NodeTests,
            Seeds = StoredBlockSeeds,
            Run = RunStoredBlock,
            IsExpected = static e => e is DecodeException,
            Dictionary = BinaryDictionary(),
            MaxInputSize = 256 * 1024,
        },
        new()
        {
            Name = "peer-wire",
            TestProject = NodeTests,
            Seeds = PeerWireSeeds,
            Run = RunPeerWire,
            IsExpected = static e => e is DecodeException,
            Dictionary = BinaryDictionary(),
            MaxInputSize = 256 * 1024,
        },
        new()
        {
            // A snapshot file as a peer serves it to a joining node: read entry by entry, then loaded.
            Name = "snapshot-file",
            TestProject = NodeTests,
            Seeds = SnapshotFileSeeds,
            Run = RunSnapshotFile,
            IsExpected = IsSnapshotRefusal,
            Dictionary = BinaryDictionary(),
            StructuredMutation = ResealSnapshot,
        },
        new()
        {
            // The same decoder as peer-wire, seeded only with what a joining node and its peers exchange.
            Name = "state-sync-wire",
            TestProject = NodeTests,
            Seeds = StateSyncWireSeeds,
            Run = RunPeerWire,
            IsExpected = static e => e is DecodeException,
            Dictionary = BinaryDictionary(),
            MaxInputSize = 256 * 1024,
        },
        new()
        {
            Name = "proof-bundle",
            TestProject = ProofsTests,
            Seeds = ProofSeeds.Bundles,
            Run = RunProofBundle,
            IsExpected = static e => e is DecodeException,
            Dictionary = BinaryDictionary(),
            MaxInputSize = 256 * 1024,
        },
        new()
        {
            Name = "light-block",
            TestProject = ProofsTests,
            Seeds = ProofSeeds.LightBlocks,
            Run = RunLightBlock,
            IsExpected = static e => e is DecodeException,
            Dictionary = BinaryDictionary(),
        },
        DnsPacketTarget.Create(),
        new()
        {
            Name = "transaction-json",
            TestProject = NodeTests,
            Seeds = TransactionJsonSeeds,
            Run = RunTransactionJson,
            IsExpected = static e => e is JsonException or JsonFormException or DecodeException,
            Dictionary = JsonMutator.Dictionary,
            StructuredMutation = JsonMutator.Mutate,
        },
        new()
        {
            Name = "disclosure-json",
            TestProject = NodeTests,
            Seeds = DisclosureJsonSeeds,
            Run = RunDisclosureJson,
            IsExpected = static e => e is JsonFormException,
            Dictionary = JsonMutator.Dictionary,
            StructuredMutation = JsonMutator.Mutate,
        },
        .. IdentityTargets.Create(),
    ];

    /// <summary>The target called <paramref name="name"/>, or null.</summary>
    public static FuzzTarget? Find(string name) => All.FirstOrDefault(t => string.Equals(t.Name, name, StringComparison.Ordinal));

    // ---- properties ----

    /// <summary>The message every signature seed signs; verification of mutated signatures runs against it.</summary>
    internal static readonly byte[] SignedMessage = "roundtable.fuzz.signature"u8.ToArray();

    private static string RunSignature(byte[] input)
    {
        var reader = new CanonicalReader(input);
        var signature = Signature.Decode(ref reader);
        reader.EnsureEnd();
        RequireSame(input, signature.Encoded.ToArray(), "signature");

        // Verification parses a passkey's client data JSON: it must answer, never throw.
        var key = PublicKey.FromPasskeyPoint(PasskeySeed.Value.PublicKey.Point);
        var verified = SignatureVerifier.Verify(signature.Algorithm == SignatureAlgorithm.WebAuthnP256 ? key : PasskeySeed.Value.EcdsaKey, SignedMessage, signature);
        return $"sig:{signature.Algorithm}:{verified}";
    }

    private static string RunTransactionBatch(byte[] input)
    {
        var batch = TransactionBatch.Decode(input);
        RequireSame(input, TransactionBatch.Encode([.. batch.Select(static t => (ReadOnlyMemory<byte>)Reencode.Transaction(t))]), "transaction batch");
        return "batch:" + Bucket(batch.Count);
    }

    private static string RunTransaction(byte[] input)
    {
        var tx = Transaction.Decode(input);
        RequireSame(input, Reencode.Transaction(tx), "transaction");

        // Decoded transactions are verified next in the mempool: that must answer, never throw.
        // Verification costs more than decoding, so one accepted input in eight (chosen by its
        // last byte, so replays agree) is verified.
        if (input[^1] % 8 == 0)
        {
            _ = tx.VerifySignature();
        }
        return "tx:" + tx.Message.Type;
    }

    private static string RunBlock(byte[] input)
    {
        var block = Block.Decode(input);
        RequireSame(input, Reencode.Block(block), "block");
        return $"block:{(block.Header.LastCommit is null ? "first" : "next")}:{Bucket(block.Transactions.Count)}";
    }

    private static string RunCommit(byte[] input)
    {
        var commit = Commit.Decode(input);
        RequireSame(input, Reencode.Commit(commit), "commit");
        return $"commit:{Bucket(commit.Signatures.Count)}";
    }

    private static string RunValidatorSet(byte[] input)
    {
        var reader = new CanonicalReader(input);
        var set = ValidatorSet.Decode(ref reader);
        reader.EnsureEnd();
        RequireSame(input, Reencode.ValidatorSet(set), "validator set");
        return $"set:{Bucket(set.Validators.Count)}";
    }

    /// <summary>Decodes a record type whose encoding is computed from its fields (no kept bytes) and checks the round trip.</summary>
    internal static string RunCanonical<T>(byte[] input)
        where T : ICanonical<T>
    {
        var value = Canonical.FromBytes<T>(input);
        RequireSame(input, Canonical.ToBytes(value), typeof(T).Name);
        return typeof(T).Name;
    }

    /// <summary>A bare message (type tag and body), as transactions carry it: the session and working-group decoders are reached directly.</summary>
    private static string RunMessage(byte[] input)
    {
        var reader = new CanonicalReader(input);
        var message = MessageCodec.Decode(ref reader);
        reader.EnsureEnd();
        var writer = new CanonicalWriter();
        MessageCodec.Encode(writer, message);
        RequireSame(input, writer.ToArray(), "message");
        return "msg:" + message.Type;
    }

    private static string RunStoredBlock(byte[] input)
    {
        var stored = StoredBlock.Decode(input);
        var writer = new CanonicalWriter();
        writer.WriteBytes(Reencode.Block(stored.Block));
        writer.WriteFixed(Reencode.Commit(stored.Commit));
        writer.WriteList(stored.Results, static (w, r) => r.Encode(w));
        stored.History?.Encode(writer);
        RequireSame(input, writer.ToArray(), "stored block");
        return $"stored:{Bucket(stored.Results.Count)}";
    }

    /// <summary>
    /// A bundle as a verifier receives it: decoded, re-encoded, then verified against its own anchor,
    /// which must answer and never throw. Verification checks signatures, so one accepted input in
    /// four (chosen by its last byte, so replays agree) is verified.
    /// </summary>
    private static string RunProofBundle(byte[] input)
    {
        var bundle = ProofBundle.Decode(input);
        RequireSame(input, bundle.ToBytes(), "proof bundle");
        if (input[^1] % 4 == 0)
        {
            return "bundle:" + (BundleVerifier.Verify(bundle, bundle.Anchor.Hash).IsVerified ? "verified" : "refuted");
        }

        return $"bundle:{Bucket(bundle.Headers.Count)}:{Bucket(bundle.Claims.Count)}";
    }

    private static string RunLightBlock(byte[] input)
    {
        var block = LightBlock.Decode(input);
        RequireSame(input, block.ToBytes(), "light block");
        return "light:" + Bucket(block.Validators.Validators.Count);
    }

    /// <summary>A peer message as the gossip layer receives it: its wire type byte, then the payload.</summary>
    private static string RunPeerWire(byte[] input)
    {
        if (input.Length == 0)
        {
            throw new DecodeException(DecodeError.Truncated, "No wire type.");
        }

        var message = WireCodec.Decode(input[0], input.AsSpan(1));
        var reencoded = message switch
        {
            Transaction tx => Reencode.Transaction(tx),
            BlockResponseMessage response => [.. CanonicalBytes(w => w.WriteBytes(Reencode.Block(response.Block))), .. Reencode.Commit(response.Commit)],
            ProposalMessage m => Canonical.ToBytes(m),
            BlockPartMessage m => Canonical.ToBytes(m),
            Vote v => Canonical.ToBytes(v),
            DuplicateVoteEvidence e => Canonical.ToBytes(new DuplicateVoteEvidence(e.First, e.Second)),
            StatusMessage m => Canonical.ToBytes(m),
            BlockRequestMessage m => Canonical.ToBytes(m),
            SnapshotsRequestMessage m => Canonical.ToBytes(m),
            SnapshotOfferMessage m => Canonical.ToBytes(m),
            ChunkRequestMessage m => Canonical.ToBytes(m),
            ChunkResponseMessage m => Canonical.ToBytes(m),
            LightBlockRequestMessage m => Canonical.ToBytes(m),
            LightBlockResponseMessage m => Canonical.ToBytes(m),
            DisclosureMessage m => Canonical.ToBytes(m),
            HashesMessage m => Canonical.ToBytes(m),
            TransactionsMessage m => TransactionBatch.Encode([.. m.Transactions.Select(t => (ReadOnlyMemory<byte>)Reencode.Transaction(t))]),
            _ => throw new InvalidOperationException($"WireCodec returned an unexpected {message.GetType().Name}."),
        };
        RequireSame(input.AsSpan(1).ToArray(), reencoded, "peer message " + input[0]);
        return "wire:" + message.GetType().Name;
    }

    private static byte[] CanonicalBytes(Action<CanonicalWriter> write)
    {
        var writer = new CanonicalWriter();
        write(writer);
        return writer.ToArray();
    }

    private static string RunTransactionJson(byte[] input)
    {
        using var document = JsonDocument.Parse(input, JsonOptions);
        var tx = TransactionJson.FromJson(document.RootElement);

        // The JSON view of an accepted transaction must read back as the same transaction.
        using var again = JsonDocument.Parse(TransactionJson.ToJson(tx).ToJsonString());
        var reparsed = TransactionJson.FromJson(again.RootElement);
        if (reparsed.Hash != tx.Hash)
        {
            throw new CanonicalMismatchException($"JSON round trip changed transaction {tx.Hash} into {reparsed.Hash}.");
        }

        return "json:" + tx.Message.Type;
    }

    private static void RequireSame(byte[] input, byte[] reencoded, string what)
    {
        if (!input.AsSpan().SequenceEqual(reencoded))
        {
            throw new CanonicalMismatchException(
                $"The {what} decoder accepted {input.Length} non-canonical byte(s); the canonical encoding of the decoded value has {reencoded.Length}: {Convert.ToHexStringLower(reencoded)}");
        }
    }

    private static string Bucket(int count) => count switch
    {
        0 => "0",
        1 => "1",
        < 4 => "few",
        _ => "many",
    };

    // ---- seeds ----

    private static IEnumerable<byte[]> TransactionSeeds(int seed)
    {
        var samples = new LedgerSamples(seed, sign: false);
        for (var round = 0; round < 8; round++)
        {
            foreach (var type in Enum.GetValues<MessageType>())
            {
                yield return samples.Transaction(type).Encoded.ToArray();
            }
        }

        // Passkey senders: the tag-2 signature is the last field, so mutations reach its bounds and client data.
        var passkey = PasskeySeed.Value;
        foreach (var type in new[] { MessageType.RegisterMember, MessageType.RevokeKey })
        {
            var message = samples.Transaction(type).Message;
            var payload = Transaction.SigningPayload("fuzz-chain", passkey.PublicKey, 1, 100, message);
            yield return Transaction.FromParts("fuzz-chain", passkey.PublicKey, 1, 100, message, passkey.Sign(payload)).Encoded.ToArray();
        }
    }

    private static readonly Lazy<SoftwarePasskey> PasskeySeed = new(() => new SoftwarePasskey("localhost", PrivateKey.FromScalar(Enumerable.Repeat((byte)7, 32).ToArray())));

    private static IEnumerable<byte[]> SignatureSeeds(int seed)
    {
        var passkey = PasskeySeed.Value;
        yield return passkey.Ecdsa.Sign(SignedMessage).Encoded.ToArray();
        yield return passkey.Sign(SignedMessage).Encoded.ToArray();
        var challenge = System.Security.Cryptography.SHA256.HashData(SignedMessage);
        foreach (var clientData in new[]
        {
            SoftwarePasskey.ClientData(challenge, origin: "https://portal.example.org:8443"),
            SoftwarePasskey.ClientData(challenge, type: "webauthn.create"),
            $$"""{"type":"webauthn.get","challenge":"{{System.Buffers.Text.Base64Url.EncodeToString(challenge)}}","tokenBinding":{"status":"present","id":"x"},"n":[1,2.5e3,null,true]}""",
        })
        {
            yield return passkey.SignAssertion(passkey.AuthenticatorData((byte)(seed % 256), [0xa1, 0x63, 0x78, 0x79, 0x7a, 0xf5]), System.Text.Encoding.UTF8.GetBytes(clientData)).Encoded.ToArray();
        }
    }

    private static IReadOnlyList<byte[]> PasskeyDictionary() =>
        [.. new[] { "\"type\"", "\"challenge\"", "webauthn.get", "\\u0022", "{}", "[]", ",", ":", "\"" }.Select(t => System.Text.Encoding.UTF8.GetBytes(t)), [0x02], [0x01], [0x05], [0x25]];

    private static IEnumerable<byte[]> TransactionBatchSeeds(int seed)
    {
        var samples = new LedgerSamples(seed, sign: false);
        var types = Enum.GetValues<MessageType>();
        foreach (var count in new[] { 0, 1, 2, 3, 5, 8 })
        {
            yield return TransactionBatch.Encode([.. Enumerable.Range(0, count).Select(i => (ReadOnlyMemory<byte>)samples.Transaction(types[i % types.Length]).Encoded.ToArray())]);
        }
    }

    private static IEnumerable<byte[]> BlockSeeds(int seed)
    {
        var samples = new LedgerSamples(seed, sign: false);
        foreach (var count in new[] { 0, 0, 1, 1, 2, 3, 5, 8 })
        {
            var validators = samples.ValidatorSet(1 + samples.Random.Next(6));
            yield return samples.Block(1, count, validators).ToBytes();
            yield return samples.Block(2 + (ulong)samples.Random.Next(1000), count, validators).ToBytes();
        }
    }

    private static IEnumerable<byte[]> CommitSeeds(int seed)
    {
        var samples = new LedgerSamples(seed, sign: false);
        for (var i = 0; i < 16; i++)
        {
            var validators = samples.ValidatorSet(1 + samples.Random.Next(8));
            yield return samples.Commit(samples.ChainId(), samples.Integer(), samples.Hash(), validators).ToBytes();
        }
    }

    private static IEnumerable<byte[]> ValidatorSetSeeds(int seed)
    {
        var samples = new LedgerSamples(seed, sign: false);
        for (var i = 0; i < 16; i++)
        {
            var writer = new CanonicalWriter();
            samples.ValidatorSet(1 + samples.Random.Next(i < 8 ? 4 : 12)).Encode(writer);
            yield return writer.ToArray();
        }
    }

    private static IEnumerable<byte[]> VoteSeeds(int seed)
    {
        var samples = new LedgerSamples(seed, sign: false);
        for (var i = 0; i < 16; i++)
        {
            var type = i % 2 == 0 ? VoteType.Prevote : VoteType.Precommit;
            var blockId = i % 4 == 0 ? Core.Hashing.Hash256.Zero : samples.Hash();
            yield return Canonical.ToBytes(samples.Vote(samples.ChainId(), samples.AnyKey().PublicKey, type, samples.Integer(), (uint)samples.Integer(), blockId));
        }
    }

    private static IEnumerable<byte[]> ProposalSeeds(int seed)
    {
        var samples = new LedgerSamples(seed, sign: false);
        for (var i = 0; i < 32; i++)
        {
            yield return Canonical.ToBytes(samples.Proposal(samples.ChainId()));
        }
    }

    private static IEnumerable<byte[]> MessageSeeds(int seed)
    {
        var samples = new LedgerSamples(seed, sign: false);
        for (var round = 0; round < 4; round++)
        {
            foreach (var type in Enum.GetValues<MessageType>())
            {
                var writer = new CanonicalWriter();
                MessageCodec.Encode(writer, samples.Message(type, samples.ChainId()));
                yield return writer.ToArray();
            }
        }
    }

    private static IEnumerable<byte[]> AnchorRecordSeeds(int seed)
    {
        var samples = new LedgerSamples(seed, sign: false);
        for (var i = 0; i < 16; i++)
        {
            yield return Canonical.ToBytes(samples.AnchorRecord());
        }
    }

    private static IEnumerable<byte[]> PracticeDocumentSeeds(int seed)
    {
        var samples = new LedgerSamples(seed, sign: false);
        for (var i = 0; i < 16; i++)
        {
            yield return new PracticeDocument(samples.Hash(), i % 2 == 0 ? null : samples.Hash(), samples.PracticeStatement()).ToBytes();
        }
    }

    private static IEnumerable<byte[]> GovernanceParameterSeeds(int seed)
    {
        var rules = GovernanceParameters.Default;
        yield return Canonical.ToBytes(rules);
        yield return Canonical.ToBytes(rules with { MaxPauseMs = (ulong)seed });
        yield return Canonical.ToBytes(rules with { Constitutional = rules.Constitutional with { TimelockMs = ulong.MaxValue } });
        yield return Canonical.ToBytes(rules with { Rules = [.. rules.Rules.Take(GovernanceParameters.KindCountWithoutAnchorWithdrawal)] });
    }

    private static IEnumerable<byte[]> ProposalRecordSeeds(int seed)
    {
        var samples = new LedgerSamples(seed, sign: false);
        for (var i = 0; i < 16; i++)
        {
            var rule = GovernanceParameters.Default.Rules[i % GovernanceParameters.KindCount];
            yield return Canonical.ToBytes(new ProposalRecord(
                samples.Hash(), samples.Hash(), "Title " + i.ToString(System.Globalization.CultureInfo.InvariantCulture), samples.Document(), samples.Action(), samples.Hash(), i % 2 == 0,
                rule, (ProposalStatus)(1 + (i % 12)), samples.Integer(), samples.Integer(), samples.Integer(), [], (uint)i, 0, (uint)i, string.Empty, default, "outcome", 0));
        }
    }

    private static IEnumerable<byte[]> StoredBlockSeeds(int seed)
    {
        var samples = new LedgerSamples(seed, sign: false);
        foreach (var count in new[] { 0, 1, 2, 4 })
        {
            var validators = samples.ValidatorSet(1 + samples.Random.Next(5));
            foreach (var height in new ulong[] { 1, 2 + (ulong)samples.Random.Next(1000) })
            {
                var block = samples.Block(height, count, validators);
                var commit = samples.Commit(block.Header.ChainId, height, block.Id, validators);
                var results = block.Transactions.Select((_, i) => i % 2 == 0 ? TxResult.Ok : new TxResult(TxCode.BadSequence, "sequence 3 expected, got 7")).ToArray();
                yield return new StoredBlock(block, commit, results, null).ToBytes();
                yield return new StoredBlock(block, commit, results, new ValidatorHistory(height, height % 2 == 0 ? validators : null)).ToBytes();
            }
        }
    }

    private static IEnumerable<byte[]> PeerWireSeeds(int seed)
    {
        var samples = new LedgerSamples(seed, sign: false);
        static byte[] Framed(byte type, byte[] payload) => [type, .. payload];
        for (var i = 0; i < 4; i++)
        {
            var chainId = samples.ChainId();
            var validators = samples.ValidatorSet(1 + samples.Random.Next(4));
            var block = samples.Block(2 + (ulong)samples.Random.Next(100), i, validators, chainId);
            var blockBytes = block.ToBytes();
            yield return Framed(WireType.Transaction, samples.Transaction(chainId: chainId).Encoded.ToArray());
            var parts = (blockBytes.Length + ProposalMessage.PartSize - 1) / ProposalMessage.PartSize;
            yield return Framed(WireType.Proposal, Canonical.ToBytes(new ProposalMessage(samples.Proposal(chainId), blockBytes.Length, parts)));
            yield return Framed(WireType.BlockPart, Canonical.ToBytes(new BlockPartMessage(block.Header.Height, (uint)i, block.Id, 0, blockBytes)));
            yield return Framed(WireType.Vote, Canonical.ToBytes(samples.Vote(chainId, samples.AnyKey().PublicKey, VoteType.Prevote, samples.Integer(), (uint)i, samples.Hash())));
            yield return Framed(WireType.Evidence, Canonical.ToBytes(samples.Evidence(chainId, validators)));
            yield return Framed(WireType.Status, Canonical.ToBytes(new StatusMessage(samples.Integer())));
            yield return Framed(WireType.BlockRequest, Canonical.ToBytes(new BlockRequestMessage(samples.Integer())));
            var commit = samples.Commit(chainId, block.Header.Height, block.Id, validators);
            yield return Framed(WireType.BlockResponse, Canonical.ToBytes(new BlockResponseMessage(block, commit)));
            var disclosure = SampleDisclosure(samples, i);
            yield return Framed(WireType.Disclosure, Canonical.ToBytes(new DisclosureMessage(disclosure.Commitment, disclosure)));
            var hashes = Enumerable.Range(0, 1 + (i % 3 == 0 ? HashesMessage.MaxHashes - 1 : samples.Random.Next(8))).Select(_ => samples.Hash()).ToArray();
            byte[] hashTypes = [WireType.TransactionAnnounce, WireType.TransactionRequest, WireType.DisclosureRequest];
            yield return Framed(hashTypes[(i / 3) % hashTypes.Length], Canonical.ToBytes(new HashesMessage(hashes)));
            yield return Framed(WireType.TransactionBatch, new TransactionsMessage([.. Enumerable.Range(0, 1 + i).Select(_ => samples.Transaction(chainId: chainId))]).ToBytes());
        }
    }

    /// <summary>A disclosure with a seeded salt; every fourth value is empty or at the size limit.</summary>
    private static Disclosure SampleDisclosure(LedgerSamples samples, int i)
    {
        var salt = new byte[PersonalFieldCommitment.SaltBytes];
        samples.Random.NextBytes(salt);
        var value = (i % 4) switch
        {
            0 => "",
            1 => new string('é', Disclosure.MaxValueBytes / 2),
            _ => "Société Analytique " + samples.Integer().ToString(CultureInfo.InvariantCulture),
        };
        return new Disclosure(i % 2 == 0 ? "gender" : "organisation", value, salt);
    }

    private static IEnumerable<byte[]> DisclosureJsonSeeds(int seed)
    {
        var samples = new LedgerSamples(seed, sign: false);
        for (var i = 0; i < 4; i++)
        {
            yield return Encoding.UTF8.GetBytes(DisclosureJson.Write([.. Enumerable.Range(0, 1 + i).Select(n => SampleDisclosure(samples, n))]).ToJsonString());
        }
    }

    /// <summary>The body of POST /api/v1/disclosures; what is accepted must write and read back the same.</summary>
    private static string RunDisclosureJson(byte[] input)
    {
        var read = DisclosureJson.Read(input);
        var again = DisclosureJson.Read(Encoding.UTF8.GetBytes(DisclosureJson.Write(read.Select(r => r.Disclosure)).ToJsonString()));
        if (!again.Select(a => a.Disclosure).SequenceEqual(read.Select(r => r.Disclosure)))
        {
            throw new CanonicalMismatchException("A disclosure changed in its JSON round trip.");
        }

        return "disclosures:" + read.Count.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// What a joining node does with a peer's snapshot file (SnapshotJoin): read and check it entry by
    /// entry, then build the state from the entries. Accepted, the state holds exactly those entries.
    /// </summary>
    // Past the magic and format version (docs/storage.md): the height, root, count and entries.
    private const int SnapshotBodyStart = 16;

    private static string RunSnapshotFile(byte[] input)
    {
        // The file name carries the height: take the header's, so mutations reach past that check.
        var height = input.Length >= 24 ? BitConverter.ToUInt64(input, 16) : 0;
        using var stream = new MemoryStream(input, writable: false);
        using var reader = SnapshotReader.Open(stream, input.Length, "fuzz input", height);
        List<KeyValuePair<byte[], byte[]>> entries = [.. reader.ReadEntries()];
        var map = SparseMerkleMap.AdoptSorted(entries);
        var again = map.EnumerateOrdered().ToList();
        if (again.Count != entries.Count || !again.Zip(entries).All(p => p.First.Key.AsSpan().SequenceEqual(p.Second.Key) && p.First.Value.AsSpan().SequenceEqual(p.Second.Value)))
        {
            throw new CanonicalMismatchException($"A snapshot of {entries.Count} entries loaded into a state that enumerates {again.Count} others.");
        }

        return "snapshot:" + (entries.Count switch { 0 => "empty", 1 => "one", _ => "many" });
    }

    /// <summary>
    /// Changes one byte before the trailing checksum and recomputes the checksum, as a dishonest
    /// peer would: otherwise almost every mutation stops at the checksum after the last entry.
    /// </summary>
    private static byte[]? ResealSnapshot(Random random, byte[] input)
    {
        if (input.Length <= SnapshotBodyStart + 32)
        {
            return null;
        }

        var output = (byte[])input.Clone();
        output[random.Next(SnapshotBodyStart, output.Length - 32)] = (byte)random.Next(256);
        System.Security.Cryptography.SHA256.HashData(output.AsSpan(0, output.Length - 32), output.AsSpan(output.Length - 32));
        return output;
    }

    /// <summary>A file that fails its checks, or entries the state refuses (an empty key): the join's two refusals.</summary>
    private static bool IsSnapshotRefusal(Exception e) => e is StoreCorruptedException or ArgumentException { ParamName: "entries" };

    private static IEnumerable<byte[]> SnapshotFileSeeds(int seed)
    {
        var directory = Directory.CreateTempSubdirectory("fuzz-snapshot-");
        try
        {
            var store = new SnapshotStore(directory.FullName, new SnapshotStoreOptions { Retain = 3 });
            var samples = new LedgerSamples(seed, sign: false);
            foreach (var count in new[] { 0, 1, 12 })
            {
                var entries = Enumerable.Range(0, count)
                    .Select(i => KeyValuePair.Create(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"k/{i:D4}")), samples.Hash().ToArray()))
                    .ToList();
                var saved = store.Save((ulong)(count + 1), samples.Hash(), entries);
                yield return File.ReadAllBytes(saved.FilePath);
            }
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

        private static IEnumerable<byte[]> StateSyncWireSeeds(int seed)
    {
        var samples = new LedgerSamples(seed, sign: false);
        var height = samples.Integer();
        var size = SnapshotOfferMessage.MinSize + (long)(samples.Integer() % (4UL * SnapshotOfferMessage.ChunkSize));
        yield return [WireType.SnapshotsRequest];
        yield return [WireType.SnapshotOffer, .. Canonical.ToBytes(new SnapshotOfferMessage(height + 1, samples.Hash(), size, samples.Hash()))];
        yield return [WireType.ChunkRequest, .. Canonical.ToBytes(new ChunkRequestMessage(height, seed % 8))];
        yield return [WireType.ChunkResponse, .. Canonical.ToBytes(new ChunkResponseMessage(height, seed % 8, new byte[seed % 4096]))];
        yield return [WireType.LightBlockRequest, .. Canonical.ToBytes(new LightBlockRequestMessage(height))];
        yield return [WireType.LightBlockResponse, .. Canonical.ToBytes(new LightBlockResponseMessage(height, null))];
        foreach (var encoded in ProofSeeds.LightBlocks(seed))
        {
            var block = LightBlock.Decode(encoded);
            yield return [WireType.LightBlockResponse, .. Canonical.ToBytes(new LightBlockResponseMessage(block.Header.Height, block))];
        }
    }

    private static IEnumerable<byte[]> TransactionJsonSeeds(int seed)
    {
        var samples = new LedgerSamples(seed, sign: false);
        foreach (var type in Enum.GetValues<MessageType>())
        {
            var tx = samples.Transaction(type);
            yield return Encoding.UTF8.GetBytes(TransactionJson.ToJson(tx).ToJsonString());
            yield return Encoding.UTF8.GetBytes($"{{\"encoded\":\"{Convert.ToHexStringLower(tx.Encoded)}\"}}");
        }
    }

    private static byte[][] BinaryDictionary() =>
    [
        [0x00], [0x01], [0x02], [0x7F], [0x80, 0x01], [0x80, 0x00], [0xFF, 0x7F], [0x80, 0x80, 0x01],
        [0xFF, 0xFF, 0xFF, 0xFF, 0x0F], [0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01],
        [0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x02], [0x81, 0x80, 0x06], [0x80, 0x80, 0x80, 0x08],
        [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xEF, 0xBB, 0xBF], [0xF4, 0x90, 0x80, 0x80],
        [0x0A, .. "test-chain"u8], [0x05, .. "group"u8], [0x01, 0x41],
        [.. Convert.FromHexString("7fffffff800000007fffffffffffffffde737d56d38bcf4279dce5617e3192a8")],
        [.. Convert.FromHexString("7fffffff800000007fffffffffffffffde737d56d38bcf4279dce5617e3192a9")],
        [.. Convert.FromHexString("ffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551")],
        [.. Convert.FromHexString("ffffffff00000001000000000000000000000000ffffffffffffffffffffffff")],
        [0x01, .. new byte[64]],
    ];
}
