using Roundtable.BrowserTests.Support;
using Roundtable.Core.Encoding;
using Roundtable.Core.Hashing;
using Roundtable.Proofs.Bundles;
using Roundtable.Proofs.Tests.Support;
using Roundtable.Proofs.Verification;

namespace Roundtable.BrowserTests;

/// <summary>
/// The browser verifier (src/Roundtable.Portal/Assets/js) against the C# verifier: the documented
/// vectors, and every single-byte change of the documented bundle, give the same verdict and name
/// the same part in Chromium, offline, as in Roundtable.Proofs.
/// </summary>
[Collection(ChromiumCollection.Name)]
public sealed class BrowserVerifierTests(Chromium chromium)
{
    private static readonly IReadOnlyDictionary<string, string> Vector = ProofVectors.Read()[1];

    [Fact]
    public async Task The_documented_bundle_verifies_in_the_browser_with_the_documented_claims()
    {
        await using var harness = await VerifierHarness.OpenAsync(chromium.Browser);

        var verdict = await harness.VerifyAsync(Convert.FromHexString(Vector["bundle"]), Vector["trust"], Hash256.Compute("hello, roundtable\n"u8).ToString());

        Assert.True(verdict.Verified, verdict.Reason);
        Assert.Equal(int.Parse(Vector["validator-set-changes"], System.Globalization.CultureInfo.InvariantCulture), verdict.SetChanges);
        Assert.Equal(Vector["claims"], verdict.Claims);
        Assert.Equal(("Minutes of the round table", "active", "civil-society"), (verdict.AnchorTitle, verdict.AnchorStatus, verdict.AnchorGroup));
    }

    [Fact]
    public async Task Another_document_and_another_trust_are_refused_as_the_command_line_refuses_them()
    {
        await using var harness = await VerifierHarness.OpenAsync(chromium.Browser);
        var bundle = Convert.FromHexString(Vector["bundle"]);

        var otherFile = await harness.VerifyAsync(bundle, Vector["trust"], Hash256.Compute("hello, roundtable"u8).ToString());
        var otherTrust = await harness.VerifyAsync(bundle, new string('1', 64));

        Assert.Equal("file", otherFile.Part);
        Assert.Contains(Hash256.Compute("hello, roundtable"u8).ToString(), otherFile.Reason, StringComparison.Ordinal);
        Assert.Equal("trust anchor", otherTrust.Part);
    }

    [Fact]
    public async Task Every_single_byte_change_gets_the_same_verdict_and_part_in_the_browser_as_in_csharp()
    {
        await using var harness = await VerifierHarness.OpenAsync(chromium.Browser);
        var bytes = Convert.FromHexString(Vector["bundle"]);
        var trust = Hash256.Parse(Vector["trust"]);
        var disagreements = new List<string>();

        for (var i = 0; i < bytes.Length; i++)
        {
            var changed = (byte[])bytes.Clone();
            changed[i] ^= 0x20;
            string expected;
            try
            {
                var result = BundleVerifier.Verify(ProofBundle.Decode(changed), trust);
                expected = result.IsVerified ? "verified" : result.Part!;
            }
            catch (DecodeException)
            {
                expected = "does not decode";
            }

            var verdict = await harness.VerifyAsync(changed, Vector["trust"]);
            var actual = !verdict.Decoded ? "does not decode" : verdict.Verified ? "verified" : verdict.Part!;
            if (actual != expected)
            {
                disagreements.Add($"byte {i}: C# {expected}, browser {actual} ({verdict.Reason})");
            }
        }

        Assert.True(disagreements.Count == 0, string.Join(Environment.NewLine, disagreements.Take(20)));
    }
}
