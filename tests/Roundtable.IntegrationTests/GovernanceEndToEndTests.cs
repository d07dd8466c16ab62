using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Roundtable.Application.Governance.Proposals;
using Roundtable.Application.Governance.Tallying;
using Roundtable.Core.Crypto;
using Roundtable.Core.Hashing;
using Roundtable.Dns.Tests.Support;
using Roundtable.IntegrationTests.Support;
using Roundtable.Ledger.Messages.Governance;
using Roundtable.Ledger.Validators;
using Roundtable.Node.Devnet;
using Roundtable.Node.Devnet.Demo;
using Xunit.Abstractions;

namespace Roundtable.IntegrationTests;

/// <summary>
/// Governance on four validator processes, driven only through the public API: the devnet demo
/// (a session with check-in and a ranked poll, a recommendation under consensus, a parameter change
/// under balanced voting), then a validator change that must alter the set exactly two heights
/// after the block that executes it.
/// </summary>
public sealed class GovernanceEndToEndTests(ITestOutputHelper output) : IDisposable
{
    private const ulong PeriodSeconds = 6;
    private readonly ScratchDirectory _dir = new("roundtable-gov-");

    [Fact]
    public async Task Session_poll_consensus_parameter_change_and_validator_change_work_across_four_processes()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(8));
        var ct = timeout.Token;
        using var devnet = await RunningDevnet.StartAsync(_dir.Path, ct, PeriodSeconds);
        var client = devnet.Client;
        var outcome = await DevnetDemo.RunAsync(Path.Combine(_dir.Path, "keys"), client, output.WriteLine, ct);

        // The session: check-in by group and declared gender, the ranked poll's Schulze winner, the minority view.
        var report = await client.GetTextAsync($"sessions/{outcome.Session}/report", ct);
        Assert.Contains("10 participant(s) checked in: 5 on site, 5 online.", report, StringComparison.Ordinal);
        Assert.Contains("| not declared | 4 |", report, StringComparison.Ordinal);
        Assert.Contains("Schulze winner: \"" + DemoSession.Practices[0] + "\"", report, StringComparison.Ordinal);
        Assert.Contains("Records off chain", report, StringComparison.Ordinal);

        // The parameter change: unchanged while its timelock ran, changed after.
        var proposals = outcome.Proposals;
        Assert.Equal(proposals.RecoveryDelayBefore, proposals.RecoveryDelayWhilePassed);
        Assert.Equal(proposals.RecoveryDelayBefore * 2, proposals.RecoveryDelayAfter);
        Assert.Equal("executed", (string?)(await client.GetAsync("proposals/" + proposals.ParameterChange, ct))["status"]);
        Assert.Contains((string?)(await client.GetAsync("proposals/" + proposals.Recommendation, ct))["status"], new[] { "passed", "executed" });

        await EveryNodeAnswersTheDemoNamesAlikeAsync(client, devnet.Nodes, outcome.Names, ct);
        await ValidatorChangeTakesEffectTwoHeightsAfterExecutionAsync(client, ct);

        // Every node agrees on the state after all of it.
        var height = await client.HeightAsync(ct);
        var roots = await Task.WhenAll(devnet.Processes.Select(async p =>
        {
            await new LedgerClient(p.Http).WaitForHeightAboveAsync(height, TimeSpan.FromSeconds(30), ct);
            return (string)(await new LedgerClient(p.Http).GetAsync($"blocks/{height + 1}", ct))["header"]!["stateRoot"]!;
        }));
        Assert.All(roots, r => Assert.Equal(roots[0], r));
    }

    /// <summary>Once each node's DNS serves the zone's committed serial, dig gets the same answers from every node, field for field.</summary>
    private async Task EveryNodeAnswersTheDemoNamesAlikeAsync(LedgerClient client, IReadOnlyList<DevnetNode> nodes, IReadOnlyList<string> names, CancellationToken ct)
    {
        var serial = (await client.GetAsync("zones/" + DevnetZone.Origin, ct))["serial"]!.ToString();
        var servers = nodes.Select(n => IPEndPoint.Parse(n.Dns!)).ToList();
        foreach (var server in servers)
        {
            await Dig.QueryUntilAsync(server, a => a.Answer.SingleOrDefault()?.Data.Split(' ')[2] == serial, DevnetZone.Origin, "SOA");
        }

        string[][] queries = [[names[0], "A"], ["www." + names[0], "A"], [names[1], "MX"], [names[1], "AAAA"], ["_https._tcp." + names[2], "SRV"], ["nobody." + DevnetZone.Origin, "A"], [DevnetZone.Origin, "NS"]];
        foreach (var query in queries)
        {
            var answers = servers.Select(s => Dig.Query(s, query)).ToList();
            Assert.All(answers, a => Assert.Equal(answers[0].Status, a.Status));
            Assert.All(answers, a => Assert.Equal(answers[0].Answer, a.Answer));
            Assert.All(answers, a => Assert.Equal(answers[0].Authority, a.Authority));
            Assert.All(answers, a => Assert.Contains("aa", a.Flags));
        }

        Assert.Equal("127.0.0.1", Dig.Query(servers[3], "www." + names[0], "A").Answer[^1].Data);
        Assert.Equal("NXDOMAIN", Dig.Query(servers[2], "nobody." + DevnetZone.Origin, "A").Status);
        output.WriteLine($"4 nodes give the same DNS answers at serial {serial}");
        await EveryOperatorSignsWithItsOwnKeyAndUnboundValidatesThemAllAsync(nodes, servers, names, ct);
    }

    /// <summary>
    /// Multi-signer DNSSEC across the four processes: each node signs with its own key only (the
    /// RRSIG's key tag is the one its /dns reports), every node publishes the four keys, and a real
    /// unbound given the four DS records as trust anchors and all four nodes as servers answers with AD.
    /// </summary>
    private async Task EveryOperatorSignsWithItsOwnKeyAndUnboundValidatesThemAllAsync(IReadOnlyList<DevnetNode> nodes, IReadOnlyList<IPEndPoint> servers, IReadOnlyList<string> names, CancellationToken ct)
    {
        var views = await Task.WhenAll(nodes.Select(async n =>
        {
            using var http = new HttpClient { BaseAddress = new Uri(n.ApiUrl) };
            return (JsonObject)(await new LedgerClient(http).GetAsync("dns", ct))["zones"]![0]!;
        }));
        var ds = views[0]["ds"]!.AsArray().Select(d => (string)d!).ToList();
        Assert.Equal(4, ds.Count);
        var tags = views.Select(v => (ushort)v["signedWithKeyTags"]![0]!).ToList();
        Assert.Equal(4, tags.Distinct().Count());
        for (var i = 0; i < servers.Count; i++)
        {
            var signed = Dig.Query(servers[i], "+dnssec", "www." + names[0], "A");
            var signatures = signed.Answer.Where(r => r.Type == "RRSIG").ToList();
            Assert.All(signatures, s => Assert.Equal(tags[i].ToString(CultureInfo.InvariantCulture), s.Data.Split(' ')[6]));
            Assert.Equal(4, Dig.Query(servers[i], "+dnssec", DevnetZone.Origin, "DNSKEY").Answer.Count(r => r.Type == "DNSKEY"));
        }

        using var resolver = Unbound.Start(servers, ds, DevnetZone.Origin);
        foreach (var (name, type) in new[] { ("www." + names[0], "A"), (names[1], "MX"), ("nobody." + DevnetZone.Origin, "A"), (names[1], "TXT") })
        {
            var answer = resolver.Query(name, type);
            Assert.True(answer.Flags.Contains("ad"), $"unbound did not validate {name} {type}: {answer.Output}\n{resolver.Log}");
        }

        output.WriteLine($"4 operators sign with key tags {string.Join(", ", tags)}; unbound validates every answer");
    }

    private async Task ValidatorChangeTakesEffectTwoHeightsAfterExecutionAsync(LedgerClient client, CancellationToken ct)
    {
        // A fifth validator, for the intergovernmental group, whose node is not running: the four
        // running validators keep 4/5 of the power, so the chain goes on.
        using var cast = DemoCast.Load(Path.Combine(_dir.Path, "keys"), client, output.WriteLine);
        using var newcomer = PrivateKey.Generate();
        var status = await client.GetAsync("status", ct);
        var current = ((JsonArray)status["validators"]!).Select(v => new Validator(
            ParseKey((string)v!["publicKey"]!), (string)v["name"]!, (string)v["stakeholderGroup"]!, 0)).ToList();
        var oldHash = (string)(await client.GetAsync($"blocks/{await client.HeightAsync(ct)}", ct))["header"]!["validatorSetHash"]!;

        var author = cast.Founder("intergovernmental", 1);
        var sent = await client.SendAsync(author, GovernanceMessages.ChangeValidators(
            "Admit an intergovernmental validator", "# A fifth validator\n\nThe intergovernmental group runs a validator too.", [.. current, new Validator(newcomer.PublicKey, "Intergovernmental Telecom Forum", "intergovernmental", 0)]), ct);
        var id = ProposalId.For(DemoCast.MemberId(author), sent.Sequence);
        await client.SendAsync(cast.Founder("government", 1), new SponsorProposal(id), ct);
        await client.SendAsync(cast.Founder("technical", 1), new SponsorProposal(id), ct);
        await DemoProposals.WaitForStatusAsync(cast, id, ["voting"], ct);
        var document = Hash256.Parse((string)(await client.GetAsync("proposals/" + id, ct))["documentHash"]!);
        await Task.WhenAll(cast.Everyone.Select(m => client.SendAsync(m, GovernanceMessages.Vote(id, document, YesNoBallot.Yes), ct)));

        var passed = await DemoProposals.WaitForStatusAsync(cast, id, ["passed"], ct);
        var passedAtHeight = await client.HeightAsync(ct);
        var timelockEnds = DateTimeOffset.Parse((string)passed["nextTransitionAt"]!, CultureInfo.InvariantCulture);
        await DemoProposals.WaitForStatusAsync(cast, id, ["executed"], ct);
        await client.WaitForHeightAboveAsync(await client.HeightAsync(ct) + 2, TimeSpan.FromSeconds(60), ct);

        // The executing block is the first whose time reaches the end of the timelock.
        var executed = passedAtHeight;
        while (DateTimeOffset.Parse((string)(await Header(client, executed, ct))["time"]!, CultureInfo.InvariantCulture) < timelockEnds)
        {
            executed++;
        }

        var next = await Header(client, executed + 1, ct);
        var afterNext = await Header(client, executed + 2, ct);
        Assert.Equal(oldHash, (string?)(await Header(client, executed, ct))["validatorSetHash"]);
        Assert.Equal(oldHash, (string?)next["validatorSetHash"]);
        Assert.NotEqual(oldHash, (string?)next["nextValidatorSetHash"]);
        Assert.Equal((string?)next["nextValidatorSetHash"], (string?)afterNext["validatorSetHash"]);
        Assert.Equal(5, ((JsonArray)(await client.GetAsync("status", ct))["validators"]!).Count);
        output.WriteLine($"validator change executed in block {executed}; the new set decides from block {executed + 2}");
    }

    private static PublicKey ParseKey(string hex) =>
        PublicKey.TryParse(hex, out var key) ? key! : throw new FormatException($"Not a public key: {hex}");

    private static async Task<JsonObject> Header(LedgerClient client, ulong height, CancellationToken ct) =>
        (JsonObject)(await client.GetAsync($"blocks/{height}", ct))["header"]!;

    public void Dispose() => _dir.Dispose();
}
