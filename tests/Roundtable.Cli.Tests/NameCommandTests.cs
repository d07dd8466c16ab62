using System.Net;
using Roundtable.Cli.Tests.Support;
using Roundtable.Dns.Tests.Support;

namespace Roundtable.Cli.Tests;

/// <summary>A zone started by 'roundtable init --zone', its names kept through the CLI and answered by the node's DNS server.</summary>
public sealed class NameCommandTests
{
    [Fact]
    public async Task A_member_registers_updates_offers_and_renews_a_name_and_dig_sees_each_committed_change()
    {
        var dnsPort = LoopbackNetwork.FreePort();
        var node = new InProcessNode("--dns-listen", $"127.0.0.1:{dnsPort}", "--zone", "community.internal");
        await node.InitializeAsync();
        try
        {
            var server = new IPEndPoint(IPAddress.Loopback, dnsPort);
            using var cli = node.Session();
            foreach (var (key, group) in new[] { ("ada", "civil-society"), ("ben", "technical") })
            {
                (await cli.RunAsync("keys", "new", key)).Ok();
                (await cli.RunAsync("tx", "register", "--key", key, "--name", key, "--group", group, "--region", "africa")).Ok();
            }

            (await cli.RunAsync("tx", "name-register", "--key", "ada", "ada.community.internal", "--record", "A 192.0.2.7", "--record", "www 600 CNAME ada", "--record", "@ TXT \"open minutes\"")).Ok();
            var shown = (await cli.RunAsync("query", "name", "ada.community.internal")).Ok().Stdout;
            var json = (await cli.RunAsync("--json", "query", "name", "ada.community.internal.")).Ok().Json();
            var zone = (await cli.RunAsync("query", "zone", "community.internal")).Ok().Stdout;
            var dns = (await cli.RunAsync("query", "dns")).Ok().Stdout;
            var www = await Dig.QueryUntilAsync(server, a => a.Answer.Count == 2, "www.ada.community.internal.", "A");

            Assert.Contains("is registered and resolves", shown, StringComparison.Ordinal);
            Assert.Contains("www.ada", shown, StringComparison.Ordinal);
            Assert.Equal("ada.community.internal.", (string?)json["records"]![1]!["data"]);
            Assert.Contains("ada.community.internal.", zone, StringComparison.Ordinal);
            Assert.Contains($"dig @127.0.0.1 -p {dnsPort}", dns, StringComparison.Ordinal);
            Assert.Equal(("A", "192.0.2.7", 300u), (www.Answer[1].Type, www.Answer[1].Data, www.Answer[1].Ttl));
            Assert.Equal(600u, www.Answer[0].Ttl);

            (await cli.RunAsync("tx", "name-update", "--key", "ada", "ada.community.internal", "--record", "A 192.0.2")).Failed("dotted-quad");
            (await cli.RunAsync("tx", "name-update", "--key", "ada", "ada.community.internal", "--record", "www")).Failed("is not a record");
            (await cli.RunAsync("tx", "name-update", "--key", "ben", "ada.community.internal", "--record", "A 192.0.2.66")).Failed("do not hold");
            (await cli.RunAsync("tx", "name-update", "--key", "ada", "ada.community.internal", "--record", "A 192.0.2.8")).Ok();
            await Dig.QueryUntilAsync(server, a => a.Answer.SingleOrDefault()?.Data == "192.0.2.8", "ada.community.internal.", "A");

            var ben = (string)(await cli.RunAsync("--json", "query", "member", "--key", "ben")).Ok().Json()["id"]!;
            (await cli.RunAsync("tx", "name-transfer", "--key", "ada", "ada.community.internal", "--to", ben)).Ok();
            (await cli.RunAsync("tx", "name-accept", "--key", "ben", "ada.community.internal")).Ok();
            (await cli.RunAsync("tx", "name-renew", "--key", "ada", "ada.community.internal")).Failed("do not hold");
            (await cli.RunAsync("tx", "name-renew", "--key", "ben", "ada.community.internal")).Ok();
            Assert.Equal(ben, (string?)(await cli.RunAsync("--json", "query", "name", "ada.community.internal")).Ok().Json()["holder"]);
            Assert.Equal("NXDOMAIN", Dig.Query(server, "nobody.community.internal.", "A").Status);

            // A new zone is proposed, never created directly; mistakes are explained before anything is signed.
            var policy = cli.Scratch("civic.json");
            await File.WriteAllTextAsync(policy, """
                {"origin": "civic.internal.", "contact": "hostmaster.civic.internal.", "nameServers": [{"host": "ns1.civic.internal.", "address": "127.0.0.1"}],
                 "registrantGroups": [], "requireVerified": false, "minLabelLength": 2, "reservedLabels": [], "registrationPeriodSeconds": 86400,
                 "gracePeriodSeconds": 3600, "maxRecordsPerName": 8, "allowedTypes": ["A", "TXT"], "allowWildcards": false, "ttl": 300}
                """);
            (await cli.RunAsync("tx", "zone-propose", "--key", "ada", "--zone", "civic.internal", "--title", "A civic zone")).Failed("exactly one of --policy FILE");
            (await cli.RunAsync("tx", "zone-propose", "--key", "ada", "--zone", "other.internal", "--policy", policy, "--title", "Wrong zone", "--document-uri", "https://example.org/z", "--document-hash", new string('a', 64))).Failed("not other.internal.");
            var proposed = (await cli.RunAsync("--json", "tx", "zone-propose", "--key", "ada", "--zone", "civic.internal", "--policy", policy, "--title", "A civic zone", "--document-uri", "https://example.org/civic", "--document-hash", new string('a', 64))).Ok().Json();
            var proposal = (await cli.RunAsync("--json", "query", "proposal", (string)proposed["proposal"]!)).Ok().Json();
            Assert.Equal("zone-change", (string?)proposal["action"]!["kind"]);
            Assert.Equal("civic.internal.", (string?)proposal["action"]!["zone"]!["origin"]);
        }
        finally
        {
            await node.DisposeAsync();
        }
    }
}
