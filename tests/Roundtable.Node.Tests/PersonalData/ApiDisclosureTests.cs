using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Roundtable.Ledger.Messages;
using Roundtable.Ledger.Messages.PersonalData;
using Roundtable.Ledger.PersonalData;
using Roundtable.Node.PersonalData;
using Roundtable.Node.Tests.Support;

namespace Roundtable.Node.Tests.PersonalData;

/// <summary>
/// POST /api/v1/disclosures refuses, with a problem naming the reason, anything it cannot check
/// against a standing commitment, and keeps nothing from a request that holds one refusal.
/// </summary>
public sealed class ApiDisclosureTests
{
    [Fact]
    public async Task Each_refusal_names_its_reason_and_a_request_with_one_refusal_keeps_nothing()
    {
        await using var node = await TestNode.StartAsync();
        using var ada = new Member(node);
        var organisation = FreshDisclosure.Of("organisation", "Test Lab");
        var city = FreshDisclosure.Of("city", "Lagos");
        await ada.SendAsync(new RegisterMember("Ada", "technical", "africa", [new ProfileField("city", city.Commitment), new ProfileField("organisation", organisation.Commitment)]));

        var wrongValue = organisation with { Value = "Another Lab" };
        await ExpectAsync(node, Body((organisation.Commitment, wrongValue)), HttpStatusCode.BadRequest, "disclosure-mismatch");
        await ExpectAsync(node, Body((organisation.Commitment, organisation with { Field = "city" })), HttpStatusCode.BadRequest, "disclosure-mismatch");
        await ExpectAsync(node, Body((city.Commitment, city), (organisation.Commitment, wrongValue)), HttpStatusCode.BadRequest, "disclosure-mismatch");
        var unknown = FreshDisclosure.Of("organisation", "Never Registered");
        await ExpectAsync(node, Body((unknown.Commitment, unknown)), HttpStatusCode.NotFound, "unknown-personal-field");

        Assert.Equal("not available", await StatusAsync(node, city));
        Assert.Equal("not available", await StatusAsync(node, organisation));
    }

    [Fact]
    public async Task A_malformed_body_is_refused_and_the_node_keeps_serving()
    {
        await using var node = await TestNode.StartAsync();
        var valid = DisclosureJson.Write([FreshDisclosure.Of("organisation", "Test Lab")]).ToJsonString();
        // Well-formed JSON whose value holds a byte that is never UTF-8 (the fuzzer's first find, disclosure-json/b13d8838874e9223.bin).
        var invalidUtf8 = Encoding.UTF8.GetBytes(valid.Replace("Test Lab", "Test_Lab", StringComparison.Ordinal));
        invalidUtf8[Array.IndexOf(invalidUtf8, (byte)'_')] = 0xF5;

        foreach (var body in new[]
        {
            "not json"u8.ToArray(),
            "[]"u8.ToArray(),
            """{"disclosures":[]}"""u8.ToArray(),
            Encoding.UTF8.GetBytes(valid.Replace("\"salt\":\"", "\"salt\":\"zz", StringComparison.Ordinal)),
            Encoding.UTF8.GetBytes(valid.Replace("Test Lab", new string('x', Disclosure.MaxValueBytes + 1), StringComparison.Ordinal)),
            Encoding.UTF8.GetBytes(DisclosureJson.Write(Enumerable.Range(0, DisclosureJson.MaxDisclosures + 1).Select(_ => FreshDisclosure.Of("organisation", "x"))).ToJsonString()),
            invalidUtf8,
        })
        {
            using var content = new ByteArrayContent(body);
            content.Headers.ContentType = new("application/json");
            using var response = await node.Http.PostAsync("/api/v1/disclosures", content);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("invalid-disclosure", (string?)(await response.Content.ReadFromJsonAsync<JsonObject>())!["reason"]);
        }

        await node.WaitForHeightAsync(await node.HeightAsync() + 1);
    }

    [Fact]
    public async Task A_withdrawn_field_refuses_its_value_with_gone()
    {
        await using var node = await TestNode.StartAsync();
        using var ada = new Member(node);
        var organisation = FreshDisclosure.Of("organisation", "Test Lab");
        await ada.SendAsync(new RegisterMember("Ada", "technical", "africa", [new ProfileField("organisation", organisation.Commitment)]));
        await ada.SendAsync(new WithdrawPersonalField(organisation.Commitment));

        await ExpectAsync(node, Body((organisation.Commitment, organisation)), HttpStatusCode.Gone, "withdrawn-by-owner");
        Assert.Equal("withdrawn by its owner", await StatusAsync(node, organisation));
        Assert.False(Directory.Exists(node.Home.PersonalDataDirectory) && Directory.EnumerateFiles(node.Home.PersonalDataDirectory).Any());
    }

    private static JsonObject Body(params (Core.Hashing.Hash256 Commitment, Disclosure Disclosure)[] items) => new()
    {
        ["disclosures"] = new JsonArray([.. items.Select(i => (JsonNode)new JsonObject
        {
            ["commitment"] = i.Commitment.ToString(),
            ["field"] = i.Disclosure.Field,
            ["value"] = i.Disclosure.Value,
            ["salt"] = Convert.ToHexStringLower(i.Disclosure.Salt),
        })]),
    };

    private static async Task ExpectAsync(TestNode node, JsonObject body, HttpStatusCode status, string reason)
    {
        using var response = await node.Http.PostAsJsonAsync("/api/v1/disclosures", body);
        Assert.Equal(status, response.StatusCode);
        Assert.Equal(reason, (string?)(await response.Content.ReadFromJsonAsync<JsonObject>())!["reason"]);
    }

    private static async Task<string?> StatusAsync(TestNode node, Disclosure disclosure) =>
        (string?)(await node.Http.GetFromJsonAsync<JsonObject>($"/api/v1/personal-fields/{disclosure.Commitment}"))!["status"];
}
