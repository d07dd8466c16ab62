using Roundtable.Tests.Support;
using Roundtable.Core.Encoding;
using Roundtable.Ledger.Blocks;
using Roundtable.Ledger.Consensus;
using Roundtable.Ledger.Tests.Support;
using Roundtable.Ledger.Transactions;

namespace Roundtable.Ledger.Tests;

/// <summary>
/// Replays every input the fuzzer (fuzz/Roundtable.Fuzz) saved under FuzzRegressions/&lt;target&gt;/
/// through the same decoder and property: the only acceptable failure is a <see cref="DecodeException"/>,
/// and accepted input must be canonical (re-encoding reproduces it). Passes with no files.
/// </summary>
public sealed class FuzzRegressionTests
{
    [Fact]
    public void Transaction_regressions_are_refused_or_canonical() =>
        Replay("transaction", bytes => Reencode.Transaction(Transaction.Decode(bytes)), afterDecode: bytes => Transaction.Decode(bytes).VerifySignature());

    [Fact]
    public void Signature_regressions_are_refused_or_canonical() =>
        Replay("signature", bytes =>
        {
            var reader = new CanonicalReader(bytes);
            var signature = Core.Crypto.Signature.Decode(ref reader);
            reader.EnsureEnd();
            using var passkey = new SoftwarePasskey();
            _ = Core.Crypto.SignatureVerifier.Verify(passkey.PublicKey, "roundtable.fuzz.signature"u8, signature);
            return signature.Encoded.ToArray();
        });

    [Fact]
    public void Block_regressions_are_refused_or_canonical() =>
        Replay("block", bytes => Reencode.Block(Block.Decode(bytes)));

    [Fact]
    public void Commit_regressions_are_refused_or_canonical() =>
        Replay("commit", bytes => Reencode.Commit(Commit.Decode(bytes)));

    [Fact]
    public void Validator_set_regressions_are_refused_or_canonical() =>
        Replay("validator-set", bytes => Reencode.ValidatorSet(Refused.DecodeValidatorSet(bytes)));

    [Fact]
    public void Vote_regressions_are_refused_or_canonical() =>
        Replay("vote", bytes => Canonical.ToBytes(Canonical.FromBytes<Vote>(bytes)));

    [Fact]
    public void Proposal_regressions_are_refused_or_canonical() =>
        Replay("proposal", bytes => Canonical.ToBytes(Canonical.FromBytes<Proposal>(bytes)));

    [Fact]
    public void Anchor_record_regressions_are_refused_or_canonical() =>
        Replay("anchor-record", bytes => Canonical.ToBytes(Canonical.FromBytes<Ledger.Notary.AnchorRecord>(bytes)));

    [Fact]
    public void Practice_document_regressions_are_refused_or_canonical() =>
        Replay("practice-document", bytes => Canonical.ToBytes(Canonical.FromBytes<Ledger.DataPractices.PracticeDocument>(bytes)));

    [Fact]
    public void Message_regressions_are_refused_or_canonical() =>
        Replay("message", bytes =>
        {
            var reader = new CanonicalReader(bytes);
            var message = Messages.MessageCodec.Decode(ref reader);
            reader.EnsureEnd();
            var writer = new CanonicalWriter();
            Messages.MessageCodec.Encode(writer, message);
            return writer.ToArray();
        });

    [Fact]
    public void The_regression_folder_is_where_the_fuzzer_writes()
    {
        Assert.True(File.Exists(Path.Combine(Folder(), "README.md")));
    }

    private static void Replay(string target, Func<byte[], byte[]> decodeAndReencode, Action<byte[]>? afterDecode = null) =>
        FuzzRegressionFiles.Replay("Roundtable.Ledger.Tests", target, bytes =>
        {
            FuzzRegressionFiles.RequireSame(bytes, decodeAndReencode(bytes));
            afterDecode?.Invoke(bytes);
        }, static e => e is DecodeException);

    private static string Folder() => FuzzRegressionFiles.Folder("Roundtable.Ledger.Tests");
}
