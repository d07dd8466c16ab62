using Roundtable.Tests.Support;
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
            FuzzRegressionFiles.RequireSame(bytes, LightBlock.Decode(bytes).ToBytes());
        });

    [Fact]
    public void The_regression_folder_is_where_the_fuzzer_writes()
    {
        Assert.True(File.Exists(Path.Combine(Folder(), "README.md")));
    }

    private static void Replay(string target, Action<byte[]> run) =>
        FuzzRegressionFiles.Replay("Roundtable.Proofs.Tests", target, run, static e => e is DecodeException);

    private static string Folder() => FuzzRegressionFiles.Folder("Roundtable.Proofs.Tests");
}
