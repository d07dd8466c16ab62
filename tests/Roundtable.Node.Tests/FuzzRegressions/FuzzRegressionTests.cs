using Roundtable.Tests.Support;
using System.Text.Json;
using Roundtable.Application.Governance.Proposals;
using Roundtable.Application.Identities;
using Roundtable.Application.Parameters;
using Roundtable.Core.Encoding;
using Roundtable.Ledger.Transactions;
using Roundtable.Node.Chain;
using Roundtable.Node.Json;
using Roundtable.Node.Peers;
using Roundtable.Merkle;
using Roundtable.Node.PersonalData;
using Roundtable.Storage;

namespace Roundtable.Node.Tests;

/// <summary>
/// Replays every input the fuzzer (fuzz/Roundtable.Fuzz) saved for the node's decoders under
/// FuzzRegressions/&lt;target&gt;/: only the typed refusals may be thrown, and accepted binary input
/// must be canonical. Passes with no files. The ledger's decoders have their own folder in
/// tests/Roundtable.Ledger.Tests/FuzzRegressions.
/// </summary>
public sealed class FuzzRegressionTests
{
    [Fact]
    public void Stored_block_regressions_are_refused_or_canonical() =>
        Replay("stored-block", static bytes =>
        {
            var stored = StoredBlock.Decode(bytes);
            // ToBytes encodes header, commit and results afresh; transactions keep their bytes, so they are checked one by one.
            if (!stored.ToBytes().AsSpan().SequenceEqual(bytes) || !AllTransactionsCanonical(stored))
            {
                throw new InvalidOperationException("accepted but not canonical");
            }
        });

    [Fact]
    public void Governance_parameter_regressions_are_refused_or_canonical() =>
        Replay("governance-parameters", static bytes => RequireCanonical<GovernanceParameters>(bytes));

    [Fact]
    public void Proposal_record_regressions_are_refused_or_canonical() =>
        Replay("proposal-record", static bytes => RequireCanonical<ProposalRecord>(bytes));

    [Fact]
    public void Transaction_json_regressions_are_refused_with_typed_errors() =>
        Replay("transaction-json", static bytes =>
        {
            using var document = JsonDocument.Parse(bytes, new JsonDocumentOptions { MaxDepth = 64 });
            var tx = TransactionJson.FromJson(document.RootElement);
            using var again = JsonDocument.Parse(TransactionJson.ToJson(tx).ToJsonString());
            if (TransactionJson.FromJson(again.RootElement).Hash != tx.Hash)
            {
                throw new InvalidOperationException("the JSON round trip changed the transaction");
            }
        });

    [Fact]
    public void Disclosure_json_regressions_are_refused_with_typed_errors() =>
        Replay("disclosure-json", static bytes => DisclosureJson.Read(bytes));

    [Fact]
    public void Peer_wire_regressions_are_refused_with_typed_errors() => Replay("peer-wire", DecodeWire);

    [Fact]
    public void State_sync_wire_regressions_are_refused_with_typed_errors() => Replay("state-sync-wire", DecodeWire);

    [Fact]
    public void Snapshot_file_regressions_are_refused_as_corrupt_or_load_their_entries() =>
        FuzzRegressionFiles.Replay(
            "Roundtable.Node.Tests",
            "snapshot-file",
            static bytes =>
            {
                using var stream = new MemoryStream(bytes, writable: false);
                using var reader = SnapshotReader.Open(stream, bytes.Length, "regression", bytes.Length >= 24 ? BitConverter.ToUInt64(bytes, 16) : 0);
                SparseMerkleMap.AdoptSorted([.. reader.ReadEntries()]);
            },
            static e => e is StoreCorruptedException or ArgumentException { ParamName: "entries" });

    [Fact]
    public void Chain_parameter_regressions_are_refused_or_canonical() =>
        Replay("chain-parameters", static bytes => RequireCanonical<ChainParameters>(bytes));

    [Fact]
    public void Certified_affiliation_regressions_are_refused_or_canonical() =>
        Replay("certified-affiliation", static bytes => RequireCanonical<CertifiedAffiliation>(bytes));

    [Fact]
    public void Certificate_regressions_are_refused_with_certificate_errors() =>
        FuzzRegressionFiles.Replay("Roundtable.Node.Tests", "certificate", static bytes => DerCertificate.Parse(bytes), static e => e is CertificateException);

    [Fact]
    public void Revocation_list_regressions_are_refused_with_certificate_errors() =>
        FuzzRegressionFiles.Replay("Roundtable.Node.Tests", "revocation-list", static bytes => DerRevocationList.Parse(bytes), static e => e is CertificateException);

    [Fact]
    public void The_regression_folder_is_where_the_fuzzer_writes()
    {
        Assert.True(File.Exists(Path.Combine(Folder(), "README.md")));
    }

    /// <summary>A peer message as the gossip layer receives it: its wire type byte, then the payload.</summary>
    private static void DecodeWire(byte[] bytes)
    {
        if (bytes.Length == 0)
        {
            throw new DecodeException(DecodeError.Truncated, "No wire type.");
        }

        _ = WireCodec.Decode(bytes[0], bytes.AsSpan(1));
    }

    private static bool AllTransactionsCanonical(StoredBlock stored) =>
        stored.Block.Transactions.All(t => Transaction.FromParts(t.ChainId, t.Sender, t.Sequence, t.ExpiryHeight, t.Message, t.Signature).Encoded.SequenceEqual(t.Encoded));

    private static void RequireCanonical<T>(byte[] bytes)
        where T : ICanonical<T> =>
        FuzzRegressionFiles.RequireSame(bytes, Canonical.ToBytes(Canonical.FromBytes<T>(bytes)));

    private static void Replay(string target, Action<byte[]> run) =>
        FuzzRegressionFiles.Replay("Roundtable.Node.Tests", target, run, static e => e is DecodeException or JsonException or JsonFormException);

    private static string Folder() => FuzzRegressionFiles.Folder("Roundtable.Node.Tests");
}
