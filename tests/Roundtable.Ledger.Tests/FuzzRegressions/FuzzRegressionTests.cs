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

    private static void Replay(string target, Func<byte[], byte[]> decodeAndReencode, Action<byte[]>? afterDecode = null)
    {
        var directory = Path.Combine(Folder(), target);
        var files = Directory.Exists(directory) ? Directory.GetFiles(directory, "*.bin").Order(StringComparer.Ordinal).ToArray() : [];
        var failures = new List<string>();
        foreach (var file in files)
        {
            var bytes = File.ReadAllBytes(file);
            try
            {
                var reencoded = decodeAndReencode(bytes);
                if (!reencoded.AsSpan().SequenceEqual(bytes))
                {
                    failures.Add($"{Path.GetFileName(file)}: accepted but not canonical");
                    continue;
                }

                afterDecode?.Invoke(bytes);
            }
            catch (DecodeException)
            {
                // The typed refusal: fine.
            }
            catch (Exception e)
            {
                failures.Add($"{Path.GetFileName(file)}: {e.GetType().Name}: {e.Message}");
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    private static string Folder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "Roundtable.Ledger.Tests", "FuzzRegressions");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        Assert.Fail("tests/Roundtable.Ledger.Tests/FuzzRegressions not found above " + AppContext.BaseDirectory);
        return string.Empty;
    }
}
