using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Roundtable.Dns.Tests.Support;
using Roundtable.Ledger.Messages.Names;
using Roundtable.Node.Hosting;
using Roundtable.Node.Json;
using Roundtable.Node.Tests.Support;

namespace Roundtable.Node.Tests;

/// <summary>
/// A node serves its co-governed zone over real DNS from committed state: a name registered
/// through the API answers dig once committed, with the SOA serial at the height that changed it;
/// a refused change changes nothing; the API shows zones, names and the server.
/// </summary>
public sealed class ApiDnsTests
{
    internal const string Zone = "test.internal.";

    internal static readonly GenesisDocument.ZoneDocument TestZone = new(
        Zone, "hostmaster." + Zone, [new GenesisDocument.NameServerDocument("ns1." + Zone, "127.0.0.1")],
        RegistrantGroups: [], RequireVerified: false, MinLabelLength: 2, ReservedLabels: ["nic"],
        RegistrationPeriodSeconds: 86_400, GracePeriodSeconds: 3_600, MaxRecordsPerName: 8,
        AllowedTypes: ["A", "AAAA", "CNAME", "MX", "TXT"], AllowWildcards: false, Ttl: 300);

    private static async Task<JsonObject> GetAsync(TestNode node, string path) => (await node.Http.GetFromJsonAsync<JsonObject>(path))!;

    private static async Task<JsonObject> SendJsonAsync(TestNode node, Member member, JsonObject message)
    {
        var tx = TransactionJson.ToJson(member.Sign(MessageJson.FromJson(JsonDocument.Parse(message.ToJsonString()).RootElement)));
        using var response = await node.Http.PostAsJsonAsync("/api/v1/txs", tx);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var committed = await node.WaitForCommitAsync((string)(await response.Content.ReadFromJsonAsync<JsonObject>())!["hash"]!);
        member.Sequence++;
        return committed;
    }

    private static JsonObject Record(string owner, string type, string data) => new() { ["owner"] = owner, ["type"] = type, ["ttl"] = 600, ["data"] = data };

    [Fact]
    public async Task A_name_registered_through_the_api_answers_dig_once_committed_and_a_refused_change_changes_nothing()
    {
        await using var node = await TestNode.StartAsync(zones: [TestZone], dns: true);
        var dns = await GetAsync(node, "/api/v1/dns");
        Assert.True((bool)dns["enabled"]!);
        var server = IPEndPoint.Parse((string)dns["address"]!);

        var soa = await Dig.QueryUntilAsync(server, a => a.Status == "NOERROR", Zone, "SOA");
        Assert.Contains("aa", soa.Flags);
        Assert.StartsWith("ns1.test.internal. hostmaster.test.internal. 0 ", soa.Answer.Single().Data, StringComparison.Ordinal);
        Assert.Equal("NXDOMAIN", Dig.Query(server, "ada." + Zone, "A").Status);

        using var ada = new Member(node);
        await ada.RegisterAsync("Ada");
        var registered = await SendJsonAsync(node, ada, new JsonObject
        {
            ["type"] = "register-name", ["zone"] = Zone, ["label"] = "ada",
            ["records"] = new JsonArray(Record("", "A", "192.0.2.1"), Record("www", "CNAME", "ada"), Record("", "TXT", "\"hello\"")),
        });
        Assert.True((bool)registered["result"]!["ok"]!, (string?)registered["result"]!["reason"]);
        var height = (ulong)registered["height"]!;

        var www = await Dig.QueryUntilAsync(server, a => a.Status == "NOERROR", "WWW.Ada." + Zone, "A");
        Assert.Equal(["WWW.Ada.test.internal."], www.Question.Select(q => q.Split('\t', ' ')[0].TrimStart(';')));
        // Names in answers may take the question's case (compression points into it); DNS compares case-insensitively.
        Assert.Equal(("CNAME", "ada.test.internal."), (www.Answer[0].Type, www.Answer[0].Data.ToLowerInvariant()));
        Assert.Equal(("A", "192.0.2.1", 600u), (www.Answer[1].Type, www.Answer[1].Data, www.Answer[1].Ttl));
        Assert.Contains($" {height} ", Dig.Query(server, Zone, "SOA").Answer.Single().Data, StringComparison.Ordinal);

        var name = await GetAsync(node, "/api/v1/names/ada.test.internal");
        Assert.Equal(ada.Id, (string?)name["holder"]);
        Assert.True((bool)name["resolves"]!);
        Assert.Equal("ada.test.internal.", (string?)name["records"]![1]!["data"]);
        Assert.Equal("\"hello\"", (string?)name["records"]![2]!["data"]);
        var zones = await GetAsync(node, "/api/v1/zones");
        Assert.Equal(height, (ulong)zones["zones"]![0]!["serial"]!);
        Assert.Equal("ada.test.internal.", (string?)(await GetAsync(node, $"/api/v1/zones/{Zone}/names"))["names"]![0]!["name"]);

        var badUpdate = ada.Sign(MessageJson.FromJson(JsonDocument.Parse(new JsonObject
        {
            ["type"] = "update-name", ["zone"] = Zone, ["label"] = "ada",
            ["records"] = new JsonArray(Record("", "A", "192.0.2.9"), Record("", "CNAME", "elsewhere.example.")),
        }.ToJsonString()).RootElement));
        using var refused = await node.Http.PostAsJsonAsync("/api/v1/txs", TransactionJson.ToJson(badUpdate));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("CNAME", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("192.0.2.1", Dig.Query(server, "ada." + Zone, "A").Answer.Single().Data);
        Assert.Equal("REFUSED", Dig.Query(server, "example.org.", "A").Status);
    }

    [Fact]
    public async Task Record_text_the_dns_cannot_read_is_a_problem_naming_the_field_and_nothing_is_sent()
    {
        await using var node = await TestNode.StartAsync(zones: [TestZone]);
        using var ada = new Member(node);
        await ada.RegisterAsync("Ada");
        var tx = TransactionJson.ToJson(ada.Sign(new RenewName(Zone, "ada")));
        tx["message"] = new JsonObject
        {
            ["type"] = "register-name", ["zone"] = Zone, ["label"] = "ada",
            ["records"] = new JsonArray(Record("", "A", "192.0.2")),
        };

        using var response = await node.Http.PostAsJsonAsync("/api/v1/txs", tx);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("dotted-quad", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False((bool)(await GetAsync(node, "/api/v1/dns"))["enabled"]!);
        Assert.Equal(HttpStatusCode.NotFound, (await node.Http.GetAsync("/api/v1/names/ada.test.internal")).StatusCode);
    }

    [Fact]
    public async Task Nsd_as_secondary_of_a_node_serves_a_committed_name_after_notify_without_a_restart()
    {
        var nsdPort = LoopbackPorts.FreeForBoth();
        const string key = "xfr.test.internal.";
        var zone = TestZone with { Secondaries = [$"127.0.0.1:{nsdPort}"], TransferKey = key };
        await using var node = await TestNode.StartAsync(zones: [zone], dns: true, tsigKeys: [new TsigSecret(key, TestZones.TransferSecret)]);
        var primary = IPEndPoint.Parse((string)(await GetAsync(node, "/api/v1/dns"))["address"]!);
        using var nsd = Nsd.Start(Zone, primary, nsdPort, key, TestZones.TransferSecret);

        await Dig.QueryUntilAsync(nsd.EndPoint, a => a.Status == "NOERROR" && a.Answer.Count == 1, Zone, "SOA");

        using var ada = new Member(node);
        await ada.RegisterAsync("Ada");
        var registered = await SendJsonAsync(node, ada, new JsonObject
        {
            ["type"] = "register-name", ["zone"] = Zone, ["label"] = "ada",
            ["records"] = new JsonArray(Record("", "A", "192.0.2.1")),
        });
        Assert.True((bool)registered["result"]!["ok"]!, (string?)registered["result"]!["reason"]);

        var answer = await Dig.QueryUntilAsync(nsd.EndPoint, a => a.Answer.Count == 1, "ada." + Zone, "A");
        Assert.Equal("192.0.2.1", answer.Answer[0].Data);
        Assert.Contains($" {(ulong)registered["height"]!} ", Dig.Query(nsd.EndPoint, Zone, "SOA").Answer.Single().Data, StringComparison.Ordinal);
    }
}
