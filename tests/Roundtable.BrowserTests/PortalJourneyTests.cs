using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using Roundtable.Application.Governance.Proposals;
using Roundtable.Application.Governance.Tallying;
using Roundtable.Application.Sessions.Building;
using Roundtable.BrowserTests.Support;
using Roundtable.Core.Crypto;
using Roundtable.Core.Hashing;
using Roundtable.IntegrationTests.Support;
using Roundtable.Ledger.Messages.Governance;
using Roundtable.Ledger.Messages.Notary;
using Roundtable.Ledger.Messages.Sessions;
using Roundtable.Ledger.Notary;
using Roundtable.Node.Devnet.Demo;
using Xunit.Abstractions;

namespace Roundtable.BrowserTests;

/// <summary>
/// The portal's journeys as people take them, in Chromium, on a real network of four validator
/// processes: a newcomer makes a key and joins; two founders restore their keys from backups the
/// command line wrote and attest the newcomer, each in a browser of their own; the organiser sets
/// the room code and the newcomer checks in with it; the newcomer ranks a best-practice ballot with
/// the keyboard alone and sees the tally by group; the newcomer objects to a recommendation and the
/// chair rules on the objection; a member who joined with a passkey (Chromium's virtual
/// authenticator) supports it; a document is verified with the browser offline.
/// </summary>
[Collection(ChromiumCollection.Name)]
public sealed class PortalJourneyTests(Chromium chromium, ITestOutputHelper output) : IDisposable
{
    private const ulong PeriodSeconds = 25;
    private const string Passphrase = "a long walk to the forum";
    private static readonly string[] Practices = ["Open minutes within a week", "Anchored outcome documents", "Recorded minority views"];
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "roundtable-journey-" + Path.GetRandomFileName());
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    [Fact]
    public async Task A_newcomer_joins_is_attested_checks_in_votes_by_keyboard_objects_and_verifies_offline_on_four_validators()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(8));
        var ct = timeout.Token;
        using var devnet = await RunningDevnet.StartAsync(_dir, ct, PeriodSeconds);
        var client = devnet.Client;
        using var cast = DemoCast.Load(Path.Combine(_dir, "keys"), client, output.WriteLine);
        // People use another node's portal than the one the founders' scripted steps go to.
        var portal = devnet.Nodes[1].ApiUrl;

        await using var newcomer = await PortalPerson.OpenAsync(chromium.Browser, portal);
        var newcomerId = await newcomer.JoinAsync(Passphrase, "Amina", "civil-society", "africa", ("organisation", "Open Data Collective"));
        Assert.Contains("Waiting to be verified: 0 of 2", await newcomer.Page.InnerTextAsync("main"), StringComparison.Ordinal);
        Log($"newcomer registered as {newcomerId}");

        // A second newcomer holds her key as a passkey (Chromium's virtual authenticator), on a
        // third node's portal opened at localhost, as WebAuthn requires.
        await using var passkeyHolder = await PortalPerson.OpenAsync(chromium.Browser, devnet.Nodes[2].ApiUrl.Replace("127.0.0.1", "localhost", StringComparison.Ordinal));
        await VirtualAuthenticator.AttachAsync(passkeyHolder.Context, passkeyHolder.Page);
        var passkeyHolderId = await passkeyHolder.JoinWithPasskeyAsync("Lina", "civil-society", "western-europe-others");

        await using var founder1 = await FounderAsync("founder-civil-society-1", portal);
        await using var founder2 = await FounderAsync("founder-civil-society-2", portal);
        foreach (var founder in new[] { founder1, founder2 })
        {
            await founder.GoAsync($"/members/{newcomerId}");
            await Accessibility.AssertNoViolationsAsync(founder.Page, "a member page with its attest form");
            await founder.SendAsync("#attest");
            await founder.GoAsync($"/members/{passkeyHolderId}");
            await founder.SendAsync("#attest");
        }

        await newcomer.GoAsync($"/members/{newcomerId}");
        Assert.Contains("Verified member since block", await newcomer.Page.InnerTextAsync("main"), StringComparison.Ordinal);
        Log("newcomer verified by two founders");

        // Both proposals start their deliberation now, so it runs while the newcomer checks in.
        var (bestPractice, bestPracticeDocument) = await SubmitAsync(cast, cast.Founder("technical", 1), GovernanceMessages.BestPractice(
            "Best practice for keeping governance records", "# Records\n\nWhich practice should the forum recommend?\n", Practices), ct);
        await client.SendAsync(cast.Founder("government", 1), new SponsorProposal(bestPractice), ct);
        var chair = cast.Founder("civil-society", 1);
        var (recommendation, recommendationDocument) = await SubmitAsync(cast, cast.Founder("technical", 2), GovernanceMessages.Recommendation(
            "Publish outcome documents with their SHA-256", "# Outcome documents\n\nEvery session anchors its outcome document.\n", chair.PublicKey.Id), ct);
        await client.SendAsync(cast.Founder("government", 2), new SponsorProposal(recommendation), ct);

        await CheckInWithTheRoomCodeAsync(cast, founder1, newcomer, newcomerId, ct);

        await DemoProposals.WaitForStatusAsync(cast, bestPractice, ["voting"], ct);
        await RankByKeyboardAsync(newcomer, bestPractice);
        await Task.WhenAll(cast.Everyone.Select(f => client.SendAsync(f, GovernanceMessages.Vote(bestPractice, bestPracticeDocument, RankedBallot.FromOrder(3, 2, 1, 0)), ct)));
        Log("newcomer ranked by keyboard; founders voted");

        await DemoProposals.WaitForStatusAsync(cast, recommendation, ["voting"], ct);
        await ObjectAndHaveTheChairRuleAsync(newcomer, founder1, recommendation);
        await passkeyHolder.GoAsync($"/proposals/{recommendation}");
        await passkeyHolder.Page.CheckAsync("#ballot-support");
        await passkeyHolder.SendAsync("#vote");
        Log("the passkey member supported the recommendation");
        await Task.WhenAll(cast.Everyone.Select(f => client.SendAsync(f, GovernanceMessages.Vote(recommendation, recommendationDocument, ConsensusStatement.Supports()), ct)));

        var decided = await DemoProposals.WaitForStatusAsync(cast, bestPractice, ["passed", "executed"], ct);
        await newcomer.GoAsync($"/proposals/{bestPractice}");
        var byGroup = await newcomer.Page.InnerTextAsync(".chart:has(#tally-group-title) table");
        Assert.Contains("Civil society", byGroup, StringComparison.Ordinal);
        Assert.Contains(Practices[2], await newcomer.Page.InnerTextAsync(".facts"), StringComparison.Ordinal);
        Log($"best practice decided: {decided["outcome"]}");

        await VerifyOfflineAsync(cast, newcomer, devnet.Nodes[1].ApiUrl, ct);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
            // A node that has not quite let go of its files; the temporary folder is cleaned later.
        }
    }

    /// <summary>A founder's browser, holding the founder's key restored from a backup that <c>roundtable keys backup</c> wrote.</summary>
    private async Task<PortalPerson> FounderAsync(string keyName, string portal)
    {
        var passphraseFile = Path.Combine(_dir, "passphrase.txt");
        await File.WriteAllTextAsync(passphraseFile, Passphrase + "\n");
        var backupFile = Path.Combine(_dir, keyName + ".backup.json");
        var (exit, text) = await RunCliAsync("keys", "backup", keyName, "--keyring", Path.Combine(_dir, "keys"), "--out", backupFile, "--passphrase-file", passphraseFile);
        Assert.True(exit == 0, text);

        var founder = await PortalPerson.OpenAsync(chromium.Browser, portal);
        await founder.GoAsync("/join");
        await founder.Page.SetInputFilesAsync("#restore-file", backupFile);
        await founder.Page.FillAsync("#restore-passphrase", Passphrase);
        await founder.Page.ClickAsync("#restore-key button[type=submit]");
        await founder.Page.WaitForSelectorAsync("#key-panel .key-status:has-text('verified member'), #restore-key .key-form-status.refused");

        Assert.Contains("verified member", await founder.Page.InnerTextAsync("#key-panel .key-status"), StringComparison.Ordinal);
        return founder;
    }

    /// <summary>The organiser sets a room code from the room page (which then shows it as a QR code); the newcomer types it to check in.</summary>
    private async Task CheckInWithTheRoomCodeAsync(DemoCast cast, PortalPerson organiser, PortalPerson newcomer, string newcomerId, CancellationToken ct)
    {
        var now = (ulong)DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var organiserKey = cast.Founder("civil-society", 1);
        var created = await cast.Client.SendAsync(organiserKey, new SessionBuilder("Blockchain in Internet governance").Scheduled(now, now + 3_600_000).Build(), ct);
        var session = CreateSession.IdFor(organiserKey.PublicKey.Id, created.Sequence);

        await organiser.GoAsync($"/sessions/{session}/room");
        // Once recorded, the page reloads itself with the code in its address, and shows it.
        await organiser.Page.ClickAsync("#set-code button[type=submit]");
        await organiser.Page.WaitForSelectorAsync("svg.qr-code", new() { Timeout = 60_000 });
        Assert.Contains("is the one the organisers set", await organiser.Page.InnerTextAsync("main"), StringComparison.Ordinal);
        var code = await organiser.Page.InnerTextAsync(".code-display");
        await Accessibility.AssertNoViolationsAsync(organiser.Page, "the room page with its QR code");

        await newcomer.GoAsync($"/sessions/{session}");
        await Accessibility.AssertNoViolationsAsync(newcomer.Page, "the session page with its check-in form");
        await newcomer.Page.FillAsync("#check-in-code", code.ToLowerInvariant());
        await newcomer.SendAsync("#check-in-form");
        var participants = (JsonArray)(await cast.Client.GetAsync($"sessions/{session}", ct))["checkedIn"]!;
        Assert.Contains(participants, p => (string?)p!["member"] == newcomerId && (string?)p["mode"] == "on-site");
        Log($"checked in with room code {code}");

        await PollInTheRoomAsync(organiser, newcomer, session);
    }

    /// <summary>The organiser asks an approval question from the room page and opens it; the newcomer approves two options; the organiser closes it and the count shows.</summary>
    private async Task PollInTheRoomAsync(PortalPerson organiser, PortalPerson newcomer, Hash256 session)
    {
        await organiser.GoAsync($"/sessions/{session}/room");
        await organiser.Page.FillAsync("#new-poll-question", "Which records should every session keep?");
        await organiser.Page.FillAsync("#new-poll-options", "Minutes\nAttendance by group\nMinority views");
        await organiser.Page.SelectOptionAsync("#new-poll-method", "approval");
        await organiser.SendAsync("#new-poll");
        await organiser.GoAsync($"/sessions/{session}/room");
        await organiser.SendAsync("#poll-0-open");

        await newcomer.GoAsync($"/sessions/{session}");
        await newcomer.Page.CheckAsync("#poll-0-approve-0");
        await newcomer.Page.CheckAsync("#poll-0-approve-2");
        await newcomer.SendAsync("#poll-0-vote");

        await organiser.GoAsync($"/sessions/{session}/room");
        await organiser.SendAsync("#poll-0-close");
        await newcomer.GoAsync($"/sessions/{session}");
        var results = await newcomer.Page.InnerTextAsync("main");
        Assert.Contains("Minutes: 1", results, StringComparison.Ordinal);
        Assert.Contains("Attendance by group: 0", results, StringComparison.Ordinal);
        Log("a poll asked from the room page, approved from the session page, closed and counted");
    }

    /// <summary>Ranks the third practice first with Tab and Enter only, then sends the ballot with the keyboard too.</summary>
    private static async Task RankByKeyboardAsync(PortalPerson person, Hash256 proposal)
    {
        await person.GoAsync($"/proposals/{proposal}");
        await person.Page.WaitForSelectorAsync("#vote:not([hidden])");
        await Accessibility.AssertNoViolationsAsync(person.Page, "a ranked ballot");
        var moveUp = $"Move {Practices[2]} up";
        for (var moves = 0; moves < 2; moves++)
        {
            await TabToAsync(person.Page, $"document.activeElement?.getAttribute('aria-label') === '{moveUp}'");
            await person.Page.Keyboard.PressAsync("Enter");
        }

        var order = await person.Page.EvalOnSelectorAllAsync<string[]>("#vote .option-label", "labels => labels.map(l => l.textContent)");
        Assert.Equal([Practices[2], Practices[0], Practices[1]], order);
        Assert.Contains($"{Practices[2]} is now number 1 of 3", await person.Page.InnerTextAsync("#vote .ranking-announce"), StringComparison.Ordinal);

        await TabToAsync(person.Page, "document.activeElement?.matches('#vote button[type=submit]')");
        await person.Page.Keyboard.PressAsync("Enter");
        await person.OutcomeAsync("#vote");
    }

    private static async Task TabToAsync(IPage page, string condition)
    {
        for (var presses = 0; presses < 200; presses++)
        {
            if (await page.EvaluateAsync<bool>($"() => {condition} === true"))
            {
                return;
            }

            await page.Keyboard.PressAsync("Tab");
        }

        throw new InvalidOperationException($"Tab never reached an element where {condition}.");
    }

    /// <summary>The newcomer objects (the page insists on a reason); the chair, and only the chair, sees the ruling form and rules it addressed.</summary>
    private static async Task ObjectAndHaveTheChairRuleAsync(PortalPerson newcomer, PortalPerson chair, Hash256 recommendation)
    {
        await newcomer.GoAsync($"/proposals/{recommendation}");
        await Accessibility.AssertNoViolationsAsync(newcomer.Page, "a consensus ballot");
        await newcomer.Page.CheckAsync("#ballot-object");
        await newcomer.Page.ClickAsync("#vote button[type=submit]");
        Assert.Contains("An objection needs its reason", await newcomer.Page.InnerTextAsync("#vote .tx-status"), StringComparison.Ordinal);
        await newcomer.Page.FillAsync("#ballot-reason", "Say what happens to documents that are not in English.");
        await newcomer.SendAsync("#vote");

        await newcomer.GoAsync($"/proposals/{recommendation}");
        Assert.False(await newcomer.Page.IsVisibleAsync("#rule-0"));
        await chair.GoAsync($"/proposals/{recommendation}");
        await Accessibility.AssertNoViolationsAsync(chair.Page, "the chair's rulings");
        await chair.Page.FillAsync("#rule-0-rationale", "Translations are anchored as new versions of the original.");

        await chair.SendAsync("#rule-0");
        await chair.GoAsync($"/proposals/{recommendation}");
        Assert.Contains("Ruled addressed: Translations are anchored", await chair.Page.InnerTextAsync(".objection"), StringComparison.Ordinal);
    }

    /// <summary>A founder anchors minutes; the newcomer verifies them with the browser offline, and a tampered bundle is refuted.</summary>
    private static async Task VerifyOfflineAsync(DemoCast cast, PortalPerson person, string apiUrl, CancellationToken ct)
    {
        var minutes = "Minutes of the round table on co-governing a zone.\n"u8.ToArray();
        var digest = Hash256.Compute(minutes);
        var anchored = await cast.Client.SendAsync(cast.Founder("technical", 1), new AnchorDocument(digest, new AnchorMetadata("Minutes of the round table", "text/plain", (ulong)minutes.Length, null, []), []), ct);
        using var http = new HttpClient { BaseAddress = new Uri(apiUrl) };
        byte[]? bundle = null;
        for (var attempt = 0; bundle is null && attempt < 100; attempt++)
        {
            using var response = await http.GetAsync($"/api/v1/proofs/anchors/{digest}?including={anchored.Height}", ct);
            bundle = response.StatusCode == HttpStatusCode.OK ? await response.Content.ReadAsByteArrayAsync(ct) : null;
            await Task.Delay(bundle is null ? 200 : 0, ct);
        }

        Assert.NotNull(bundle);
        await person.GoAsync("/verify");
        await person.Context.SetOfflineAsync(true);
        var verified = await VerifyPageDriver.VerifyAsync(person.Page, bundle, minutes);
        var tampered = (byte[])bundle.Clone();
        tampered[tampered.Length / 2] ^= 0x01;
        var refuted = await VerifyPageDriver.VerifyAsync(person.Page, tampered, minutes);
        await person.Context.SetOfflineAsync(false);

        Assert.Equal("verified", verified.Verdict);
        Assert.Equal("refuted", refuted.Verdict);
    }

    private static async Task<(Hash256 Id, Hash256 Document)> SubmitAsync(DemoCast cast, PrivateKey author, SubmitProposal proposal, CancellationToken ct)
    {
        var sent = await cast.Client.SendAsync(author, proposal, ct);
        return (ProposalId.For(author.PublicKey.Id, sent.Sequence), proposal.Document.Hash);
    }

    private static async Task<(int Exit, string Output)> RunCliAsync(params string[] arguments)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(NodeProcess.CliPath);
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout + await stderr);
    }

    private void Log(string line) => output.WriteLine($"[{_clock.Elapsed.TotalSeconds,6:F1} s] {line}");
}
