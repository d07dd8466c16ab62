using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Roundtable.Application.Power;
using Roundtable.Node.Tests.Support;

namespace Roundtable.Node.Tests;

/// <summary>GET /api/v1/power on a real one-validator node whose operator declared a region in genesis.json.</summary>
public sealed class ApiPowerTests : IAsyncLifetime
{
    private TestNode _node = null!;

    public async Task InitializeAsync() => _node = await TestNode.StartAsync(validatorRegion: "africa");

    public async Task DisposeAsync() => await _node.DisposeAsync();

    [Fact]
    public async Task Power_report_shows_the_single_validator_holding_everything_with_exact_shares()
    {
        var power = await GetPowerAsync();

        Assert.Equal(720_720UL, (ulong)power["totalPower"]!);
        var validator = Assert.Single(power["validators"]!.AsArray())!;
        Assert.Equal("test-validator", (string?)validator["name"]);
        Assert.Equal("technical", (string?)validator["stakeholderGroup"]);
        Assert.Equal("africa", (string?)validator["region"]);
        Assert.Equal("1/1", (string?)validator["share"]);
        Assert.Equal("100.00", (string?)validator["percent"]);

        // Every declared group appears; the groups without validators hold exactly nothing.
        var groups = power["powerByGroup"]!.AsArray();
        Assert.Equal(["civil-society", "government", "intergovernmental", "private-sector", "technical"], groups.Select(g => (string?)g!["name"]));
        Assert.Equal(["0/1", "0/1", "0/1", "0/1", "1/1"], groups.Select(g => (string?)g!["share"]));
        Assert.Equal("1/1", (string?)power["powerByRegion"]!.AsArray().Single(r => (string?)r!["name"] == "africa")!["share"]);

        foreach (var kind in new[] { "operators", "stakeholderGroups", "regions" })
        {
            var n = power["nakamoto"]![kind]!;
            Assert.Equal(1, (int)n["toHalt"]!);
            Assert.Equal(1, (int)n["toCommit"]!);
        }

        Assert.Equal(PowerThreshold.CommitRule, (string?)power["rules"]!["commit"]);
        Assert.Equal(PowerThreshold.HaltRule, (string?)power["rules"]!["halt"]);
        Assert.Equal(0UL, (ulong)power["participation"]!["proposals"]!);
        Assert.Empty(power["participation"]!["turnout"]!.AsArray());
    }

    [Fact]
    public async Task Verified_members_are_counted_by_group_and_region_once_registered()
    {
        Assert.Equal(0UL, (ulong)(await GetPowerAsync())["members"]!["verified"]!);
        using var ada = new Member(_node);
        await ada.RegisterAsync(); // open admission: verified on registration; group technical, region africa

        var members = (await GetPowerAsync())["members"]!;
        Assert.Equal(1UL, (ulong)members["verified"]!);
        var technical = members["byGroup"]!.AsArray().Single(g => (string?)g!["name"] == "technical")!;
        Assert.Equal((1UL, "1/1", "100.00"), ((ulong)technical["members"]!, (string?)technical["share"], (string?)technical["percent"]));
        Assert.Equal("1/1", (string?)members["byRegion"]!.AsArray().Single(r => (string?)r!["name"] == "africa")!["share"]);
    }

    [Fact]
    public async Task Power_endpoint_is_in_the_openapi_document()
    {
        var openApi = await _node.Http.GetFromJsonAsync<JsonObject>("/api/v1/openapi.json");
        Assert.NotNull(openApi!["paths"]!["/api/v1/power"]);
    }

    private async Task<JsonObject> GetPowerAsync() =>
        (await _node.Http.GetFromJsonAsync<JsonObject>("/api/v1/power"))!;
}
