using System.Net;
using System.Security.Cryptography;
using Roundtable.BrowserTests.Support;
using Roundtable.Core.Hashing;
using Roundtable.Ledger.Messages.Notary;
using Roundtable.Ledger.Notary;
using Roundtable.Node.Tests.Support;

namespace Roundtable.BrowserTests;

/// <summary>
/// The portal's verify page in Chromium against a real node: a document anchored on the node and
/// its bundle are verified in the page with the network switched off; a tampered bundle and a
/// changed document are refused in plain words.
/// </summary>
[Collection(ChromiumCollection.Name)]
public sealed class PortalVerifyPageTests(Chromium chromium)
{
    private static readonly byte[] Minutes = "Minutes of the round table on co-governing a zone.\n"u8.ToArray();

    [Fact]
    public async Task A_file_and_its_bundle_are_verified_in_the_page_offline_and_tampering_is_refused()
    {
        await using var node = await TestNode.StartAsync();
        var bundle = await AnchorAndProveAsync(node);
        var context = await chromium.Browser.NewContextAsync();
        try
        {
            var page = await context.NewPageAsync();
            await page.GotoAsync(node.Config.ApiUrl + "/verify?lang=en");
            await context.SetOfflineAsync(true);

            var verified = await VerifyPageDriver.VerifyAsync(page, bundle, Minutes);
            var tampered = (byte[])bundle.Clone();
            tampered[^1] ^= 0x01;
            var refutedBundle = await VerifyPageDriver.VerifyAsync(page, tampered, Minutes);
            var changed = (byte[])Minutes.Clone();
            changed[0] ^= 0x01;
            var refutedFile = await VerifyPageDriver.VerifyAsync(page, bundle, changed);

            Assert.Equal("verified", verified.Verdict);
            Assert.Contains("Minutes of the round table", verified.Text, StringComparison.Ordinal);
            Assert.Contains("civil-society", verified.Text, StringComparison.Ordinal);
            Assert.Equal("refuted", refutedBundle.Verdict);
            Assert.Equal("refuted", refutedFile.Verdict);
            Assert.Contains(Convert.ToHexStringLower(SHA256.HashData(changed)), refutedFile.Text, StringComparison.Ordinal);
        }
        finally
        {
            await context.DisposeAsync();
        }
    }

    /// <summary>A member of civil society anchors the minutes; returns the anchor's proof bundle once a header commits it.</summary>
    private static async Task<byte[]> AnchorAndProveAsync(TestNode node)
    {
        using var member = new Member(node);
        var registration = member.Sign(new Ledger.Messages.RegisterMember("Amina", "civil-society", "africa", []));
        using (var response = await Member.PostBytesAsync(node.Http, registration.Encoded.ToArray()))
        {
            response.EnsureSuccessStatusCode();
        }

        await node.WaitForCommitAsync(registration.Hash.ToString());
        member.Sequence++;
        var digest = Hash256.Compute(Minutes);
        var anchor = member.Sign(new AnchorDocument(digest, new AnchorMetadata("Minutes of the round table", "text/plain", (ulong)Minutes.Length, null, []), []));
        using (var response = await Member.PostBytesAsync(node.Http, anchor.Encoded.ToArray()))
        {
            response.EnsureSuccessStatusCode();
        }

        var committed = await node.WaitForCommitAsync(anchor.Hash.ToString());
        byte[]? bundle = null;
        await TestNode.Until(async () =>
        {
            using var response = await node.Http.GetAsync($"/api/v1/proofs/anchors/{digest}?including={(ulong)committed["height"]!}");
            bundle = response.StatusCode == HttpStatusCode.OK ? await response.Content.ReadAsByteArrayAsync() : null;
            return bundle is not null;
        }, "the anchor's proof bundle");
        return bundle!;
    }
}
