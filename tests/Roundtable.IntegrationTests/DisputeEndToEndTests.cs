using System.Text.Json.Nodes;
using Roundtable.Application.Disputes;
using Roundtable.Application.Governance.Proposals;
using Roundtable.Application.Governance.Tallying;
using Roundtable.Core.Crypto;
using Roundtable.Core.Hashing;
using Roundtable.IntegrationTests.Support;
using Roundtable.Ledger.Messages.Disputes;
using Roundtable.Ledger.Messages.Names;
using Roundtable.Ledger.Names;
using Roundtable.Node.Devnet;
using Roundtable.Node.Hosting;

namespace Roundtable.IntegrationTests;

/// <summary>
/// Disputes over names on a four-validator devnet, driven only through the public API: one decided
/// and carried out (the name changes hands), one appealed and overturned by the balanced vote (the
/// remedy never executes). The panel draw is redone from the chain alone.
/// </summary>
public sealed class DisputeEndToEndTests : IDisposable
{
    private const ulong PeriodSeconds = 6;
    private readonly ScratchDirectory _dir = new("roundtable-dispute-");

    [Fact]
    public async Task A_name_dispute_is_drawn_heard_decided_and_carried_out_and_an_appealed_one_is_stopped_by_the_vote()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(8));
        var ct = timeout.Token;
        using var devnet = await RunningDevnet.StartAsync(_dir.Path, ct, PeriodSeconds);
        var client = devnet.Client;
        var claimant = Founder("civil-society", 1);
        var respondent = Founder("technical", 1);
        foreach (var label in new[] { "squatted", "contested" })
        {
            await client.SendAsync(respondent, new RegisterName(DevnetZone.Origin, label, [new NameRecord("", DnsRecordType.A, 300, [127, 0, 0, 1])]), ct);
        }

        foreach (var group in GenesisDocument.DefaultGroups)
        {
            await client.SendAsync(Founder(group.Id, 2), new VolunteerAsArbitrator(true), ct);
        }

        // Decided and carried out.
        var first = await FileAndWaitForPanelAsync(client, claimant, "squatted", ct);
        await DrawIsReproducibleFromTheChainAsync(client, first, ct);
        await client.SendAsync(claimant, new SubmitStatement(first, "We have used this name since 2009.", [Hash256.Compute("registration"u8)]), ct);
        await client.SendAsync(respondent, new SubmitStatement(first, "It was free when I took it.", []), ct);
        await WaitForPhaseAsync(client, first, "deliberation", ct);
        var transfer = Remedy.Transfer(claimant.PublicKey.Id);
        var party = await Assert.ThrowsAsync<LedgerClientException>(() => client.SendAsync(respondent, Decision(first, transfer, 2), ct));
        Assert.Contains("party cannot sit on its own panel", party.Message, StringComparison.Ordinal);
        var panelist = await PanelAsync(client, first, ct);
        var tooFew = await Assert.ThrowsAsync<LedgerClientException>(() => client.SendAsync(panelist[0], Decision(first, transfer, 2, panelist), ct));
        Assert.Contains("panel-majority-missing", tooFew.Message, StringComparison.Ordinal);
        await client.SendAsync(panelist[0], Decision(first, transfer, 3, panelist), ct);
        await WaitForPhaseAsync(client, first, "remedy-due", ct);
        await client.SendAsync(Founder("government", 1), new ExecuteRemedy(first), ct);
        Assert.Equal(claimant.PublicKey.Id.ToString(), (string?)(await client.GetAsync($"names/squatted.{DevnetZone.Origin}", ct))["holder"]);
        Assert.Equal("remedy-executed", (string?)(await client.GetAsync("disputes/" + first, ct))["phase"]);

        // Appealed, and the balanced vote rejects the remedy.
        var second = await FileAndWaitForPanelAsync(client, claimant, "contested", ct);
        await WaitForPhaseAsync(client, second, "deliberation", ct);
        var panel = await PanelAsync(client, second, ct);
        await client.SendAsync(panel[0], Decision(second, transfer, 3, panel), ct);
        await client.SendAsync(respondent, new AppealDecision(second, "The panel did not hear my evidence."), ct);
        var appeal = Hash256.Parse((string)(await client.GetAsync("disputes/" + second, ct))["appealProposal"]!);
        await WaitForAsync(client, "proposals/" + appeal, j => (string?)j["status"] == "voting", ct);
        var document = Hash256.Parse((string)(await client.GetAsync("proposals/" + appeal, ct))["documentHash"]!);
        foreach (var group in GenesisDocument.DefaultGroups)
        {
            foreach (var n in new[] { 1, 2 })
            {
                await client.SendAsync(Founder(group.Id, n), GovernanceMessages.Vote(appeal, document, YesNoBallot.No), ct);
            }
        }

        await WaitForPhaseAsync(client, second, "overturned", ct);
        var refused = await Assert.ThrowsAsync<LedgerClientException>(() => client.SendAsync(claimant, new ExecuteRemedy(second), ct));
        Assert.Contains("rejected the remedy", refused.Message, StringComparison.Ordinal);
        Assert.Equal(respondent.PublicKey.Id.ToString(), (string?)(await client.GetAsync($"names/contested.{DevnetZone.Origin}", ct))["holder"]);
    }

    public void Dispose() => _dir.Dispose();

    private PrivateKey Founder(string group, int n) => KeyFiles.Read(Path.Combine(_dir.Path, "keys", $"founder-{group}-{n}.pem"));

    private static async Task<Hash256> FileAndWaitForPanelAsync(LedgerClient client, PrivateKey claimant, string label, CancellationToken ct)
    {
        var filed = await client.SendAsync(claimant, new FileDispute(DisputeSubject.OfName(DevnetZone.Origin, label), "This name belongs to our organisation.", []), ct);
        var id = DisputeId.For(claimant.PublicKey.Id, filed.Sequence);
        await WaitForPhaseAsync(client, id, "statements", ct);
        return id;
    }

    /// <summary>The seed is the id of the block after the filing, and the panel follows from it and the recorded candidates.</summary>
    private static async Task DrawIsReproducibleFromTheChainAsync(LedgerClient client, Hash256 id, CancellationToken ct)
    {
        var draw = await client.GetAsync($"disputes/{id}/draw", ct);
        var seedHeight = (ulong)draw["seedHeight"]!;
        var block = await client.GetAsync($"blocks/{seedHeight}", ct);
        Assert.Equal((string?)block["id"], (string?)draw["seedBlockId"]);
        var candidates = ((JsonArray)draw["order"]!).Select(c => new Candidate(Hash256.Parse((string)c!["member"]!), (string)c["group"]!)).ToList();
        var groups = ((JsonArray)draw["groups"]!).Select(g => (string)g!).ToList();
        var panel = PanelDraw.Seat(id, Hash256.Parse((string)draw["seedBlockId"]!), candidates, groups, (uint)draw["panelSize"]!);
        Assert.Equal(((JsonArray)draw["panel"]!).Select(m => (string)m!), panel.Select(m => m.ToString()));
        Assert.Equal(5, panel.Count);
    }

    /// <summary>The panelists' keys, in panel order.</summary>
    private async Task<IReadOnlyList<PrivateKey>> PanelAsync(LedgerClient client, Hash256 id, CancellationToken ct)
    {
        var members = ((JsonArray)(await client.GetAsync("disputes/" + id, ct))["panel"]!["members"]!).Select(m => (string)m!).ToList();
        return [.. GenesisDocument.DefaultGroups.Select(g => Founder(g.Id, 2)).Where(k => members.Contains(k.PublicKey.Id.ToString()))];
    }

    private static DecideDispute Decision(Hash256 id, Remedy remedy, int signers, IReadOnlyList<PrivateKey>? panel = null)
    {
        var decision = new DisputeDecision(DevnetLayout.ChainId, id, remedy, "The claimant's prior use is documented; the registration was made to sell the name.");
        return new DecideDispute(id, remedy, decision.Rationale, [.. (panel ?? []).Take(signers).Select(decision.SignWith)]);
    }

    private static Task WaitForPhaseAsync(LedgerClient client, Hash256 id, string phase, CancellationToken ct) =>
        WaitForAsync(client, "disputes/" + id, j => (string?)j["phase"] == phase, ct);

    private static async Task WaitForAsync(LedgerClient client, string path, Func<JsonObject, bool> done, CancellationToken ct)
    {
        while (!done(await client.GetAsync(path, ct)))
        {
            await client.WaitForHeightAboveAsync(await client.HeightAsync(ct), TimeSpan.FromSeconds(30), ct);
        }
    }
}
