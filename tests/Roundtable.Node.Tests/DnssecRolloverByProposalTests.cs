using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Roundtable.Application.Governance.Proposals;
using Roundtable.Application.Governance.Tallying;
using Roundtable.Core.Crypto;
using Roundtable.Core.Hashing;
using Roundtable.Dns;
using Roundtable.Dns.Tests.Support;
using Roundtable.Ledger.Messages;
using Roundtable.Ledger.Messages.Governance;
using Roundtable.Ledger.Messages.Names;
using Roundtable.Ledger.Names;
using Roundtable.Node.Hosting;
using Roundtable.Node.Tests.Support;

namespace Roundtable.Node.Tests;

/// <summary>
/// An operator's key rollover done the way docs/dns.md prescribes, by three zone-change proposals
/// decided under the zone rule (publish the new key, switch signing to it, withdraw the old one),
/// on a running node: after each decision the node serves the new key set, signs with the key the
/// policy marks active, a secondary's AXFR copy passes ldns-verify-zone and a validating unbound
/// (trusting both keys' DS, as the parent does through a rollover) answers with AD.
/// </summary>
public sealed class DnssecRolloverByProposalTests
{
    private const string Zone = ApiDnsTests.Zone;
    private const string TransferKeyName = "xfr.test.internal.";

    [Fact]
    public async Task Three_zone_changes_roll_the_operators_key_and_every_step_verifies()
    {
        using var oldKey = PrivateKey.Generate();
        using var newKey = PrivateKey.Generate();
        var zone = ApiDnsTests.TestZone with
        {
            // Listing loopback lets the test's dig transfer the zone; port 9 (discard) takes the NOTIFYs.
            Secondaries = ["127.0.0.1:9"], TransferKey = TransferKeyName,
            SigningKeys = [Signing(oldKey, active: true)],
        };
        await using var node = await TestNode.StartAsync(zones: [zone], dns: true, governancePeriodSeconds: 2,
            tsigKeys: [new TsigSecret(TransferKeyName, TestZones.TransferSecret)], dnssecKeys: [oldKey, newKey]);
        var server = IPEndPoint.Parse((string)(await node.Http.GetFromJsonAsync<JsonObject>("/api/v1/dns"))!["address"]!);
        var members = await RegisterElectorsAsync(node);
        string[] anchors = [.. new[] { oldKey, newKey }.Select(k => Dnskey(k).ToDsText(Zone))];

        await Dig.QueryUntilAsync(server, a => a.Status == "NOERROR", "ada." + Zone, "A");
        AssertServesAndVerifies(server, anchors, published: [oldKey], signer: oldKey, "before");

        var steps = new (string Step, GenesisDocument.SigningKeyDocument[] Keys, PrivateKey[] Published, PrivateKey Signer)[]
        {
            ("new key published", [Signing(oldKey, active: true), Signing(newKey, active: false)], [oldKey, newKey], oldKey),
            ("new key signs", [Signing(oldKey, active: false), Signing(newKey, active: true)], [oldKey, newKey], newKey),
            ("old key withdrawn", [Signing(newKey, active: true)], [newKey], newKey),
        };
        try
        {
            foreach (var (step, keys, published, signer) in steps)
            {
                await DecideAsync(node, members, new ZoneChange(Zone, (zone with { SigningKeys = keys }).ToPolicy()));
                await Dig.QueryUntilAsync(server, a => a.Answer.Count(r => r.Type == "DNSKEY") == published.Length
                    && Signatures(a).All(tag => tag == Dnskey(signer).KeyTag), "+dnssec", Zone, "DNSKEY");
                AssertServesAndVerifies(server, anchors, published, signer, step);
            }
        }
        finally
        {
            Array.ForEach(members, m => m.Dispose());
        }
    }

    private static void AssertServesAndVerifies(IPEndPoint server, string[] anchors, PrivateKey[] published, PrivateKey signer, string step)
    {
        var copy = ZoneCopy.Transfer(server, Zone, TransferKeyName, TestZones.TransferSecret);
        var (exitCode, output) = ZoneCopy.Verify(copy);
        Assert.True(exitCode == 0, $"{step}: ldns-verify-zone refused the AXFR copy:\n{output}");
        Assert.Equal(published.Length, copy.Count(l => l.Contains("\tDNSKEY\t", StringComparison.Ordinal)));
        Assert.All(copy.Where(l => l.Contains("\tRRSIG\t", StringComparison.Ordinal)),
            l => Assert.Contains($" {Dnskey(signer).KeyTag} {Zone} ", l, StringComparison.Ordinal));

        // A fresh resolver stands for one whose cached key set has expired since the step before;
        // docs/dns.md's rollover test covers the resolver that still holds it.
        using var resolver = Unbound.Start([server], anchors, Zone);
        foreach (var (name, type) in new[] { ("ada." + Zone, "A"), ("nobody." + Zone, "A"), ("ada." + Zone, "MX"), (Zone, "DNSKEY") })
        {
            var answer = resolver.Query(name, type);
            Assert.True(answer.Flags.Contains("ad"), $"{step}: unbound did not validate {name} {type}: {answer.Status}\n{answer.Output}\n{resolver.Log}");
        }
    }

    /// <summary>Two members in each of two groups (the zone rule wants two groups), and a name to resolve.</summary>
    private static async Task<Member[]> RegisterElectorsAsync(TestNode node)
    {
        var members = new[] { new Member(node), new Member(node), new Member(node), new Member(node) };
        string[] groups = ["technical", "technical", "civil-society", "civil-society"];
        for (var i = 0; i < members.Length; i++)
        {
            await members[i].SendAsync(new RegisterMember($"Elector {i}", groups[i], "africa", []));
        }

        await members[0].SendAsync(new RegisterName(Zone, "ada", [new NameRecord("", DnsRecordType.A, 300, [192, 0, 2, 1])]));
        return members;
    }

    private static async Task DecideAsync(TestNode node, Member[] members, ZoneChange change)
    {
        var submit = GovernanceMessages.ChangeZone("Roll the operator's DNSSEC key", "# One step of a key rollover", change);
        var id = ProposalId.For(Hash256.Parse(members[0].Id), members[0].Sequence);
        await members[0].SendAsync(submit);
        await Task.WhenAll(members[1].SendAsync(new SponsorProposal(id)), members[2].SendAsync(new SponsorProposal(id)));
        await TestNode.Until(async () => await StatusAsync(node, id) == "voting", "voting to open");
        await Task.WhenAll(members.Select(m => m.SendAsync(GovernanceMessages.Vote(id, submit.Document.Hash, YesNoBallot.Yes))));
        await TestNode.Until(async () => await StatusAsync(node, id) is "executed" or "rejected" or "failed", "the zone change to execute");
        Assert.Equal("executed", await StatusAsync(node, id));
    }

    private static async Task<string?> StatusAsync(TestNode node, Hash256 id) =>
        (string?)(await node.Http.GetFromJsonAsync<JsonObject>($"/api/v1/proposals/{id}"))!["status"];

    private static IEnumerable<ushort> Signatures(DigResult answer) =>
        answer.Answer.Where(r => r.Type == "RRSIG").Select(r => ushort.Parse(r.Data.Split(' ')[6], CultureInfo.InvariantCulture));

    private static GenesisDocument.SigningKeyDocument Signing(PrivateKey key, bool active) =>
        new("test-validator", Convert.ToHexStringLower(key.PublicKey.Point), active);

    private static DnssecKey Dnskey(PrivateKey key) => new(DnssecKey.SecureEntryPointFlags, key.PublicKey.Point);
}
