using Roundtable.Core.Encoding;
using Roundtable.Proofs.Bundles;
using Roundtable.Proofs.LightClient;
using Roundtable.Proofs.Verification;

namespace Roundtable.Proofs.Tests.FuzzRegressions;

/// <summary>Replays every input the fuzzer saved for the proof decoders under FuzzRegressions/&lt;target&gt;/.</summary>
public sealed class FuzzRegressionTests
{
    [Fact]
    public void Proof_bundle_regressions_are_refused_or_verified_without_a_crash() =>
        Replay("proof-bundle", static bytes =>
        {
            var bundle = ProofBundle.Decode(bytes);
            _ = BundleVerifier.Verify(bundle, bundle.Anchor.Hash);
        });

    [Fact]
    public void Light_block_regressions_are_refused_or_canonical() =>
        Replay("light-block", static bytes =>
        {
            if (!LightBlock.Decode(bytes).ToBytes().AsSpan().SequenceEqual(bytes))
            {
                throw new InvalidOperationException("accepted but not canonical");
            }
        });

    [Fact]
    public void The_regression_folder_is_where_the_fuzzer_writes()
    {
        Assert.True(File.Exists(Path.Combine(Folder(), "README.md")));
    }

    private static void Replay(string target, Action<byte[]> run)
    {
        var directory = Path.Combine(Folder(), target);
        var files = Directory.Exists(directory) ? Directory.GetFiles(directory, "*.bin").Order(StringComparer.Ordinal).ToArray() : [];
        var failures = new List<string>();
        foreach (var file in files)
        {
            try
            {
                run(File.ReadAllBytes(file));
            }
            catch (DecodeException)
            {
                // A typed refusal: fine.
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
            var candidate = Path.Combine(dir.FullName, "tests", "Roundtable.Proofs.Tests", "FuzzRegressions");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        Assert.Fail("tests/Roundtable.Proofs.Tests/FuzzRegressions not found above " + AppContext.BaseDirectory);
        return string.Empty;
    }
}
