using Roundtable.BrowserTests.Support;
using Roundtable.Ledger.PersonalData;

namespace Roundtable.BrowserTests;

/// <summary>
/// The browser's personal-field commitment (personal-field.js) against the chain's
/// <see cref="PersonalFieldCommitment"/>: a profile made on the join page opens on every node.
/// Cases are drawn from a fixed seed, with the documented vectors of docs/personal-data.md.
/// </summary>
[Collection(ChromiumCollection.Name)]
public sealed class PersonalFieldCodecTests(Chromium chromium)
{
    private const string Harness = """
        import { personalFieldCommitment, discloseFields } from '/__modules/personal-field.js';
        const hex = (b) => Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
        const bytes = (h) => Uint8Array.from(h.match(/../g) ?? [], (x) => parseInt(x, 16));
        window.harness = {
          async commitment(field, salt, value) { return hex(await personalFieldCommitment(field, bytes(salt), value)); },
          async disclose(field, value) { return JSON.stringify(await discloseFields({ [field]: value })); },
        };
        """;

    [Fact]
    public async Task The_page_commits_to_a_profile_value_as_the_chain_does()
    {
        await using var page = await ModulePage.OpenAsync(chromium.Browser, "https://personal.invalid", Harness);
        var random = new Random(20261206);
        var cases = new List<(string Field, byte[] Salt, string Value)>
        {
            ("gender", Fill(0x01), "female"),
            ("organisation", Fill(0x02), "Société Analytique"),
            ("bio", Fill(0x03), new string('é', 300)),
            ("city", Fill(0x04), "القاهرة"),
        };
        for (var round = 0; round < 12; round++)
        {
            var salt = new byte[PersonalFieldCommitment.SaltBytes];
            random.NextBytes(salt);
            cases.Add(($"field-{round}", salt, new string('x', random.Next(0, 200)) + "✓"));
        }

        foreach (var (field, salt, value) in cases)
        {
            var expected = PersonalFieldCommitment.Compute(field, salt, value).ToString();
            Assert.Equal(expected, (string?)await page.CallAsync("commitment", field, Convert.ToHexStringLower(salt), value));
        }
    }

    [Fact]
    public async Task Each_disclosure_made_in_the_page_opens_its_commitment_under_a_fresh_salt()
    {
        await using var page = await ModulePage.OpenAsync(chromium.Browser, "https://personal.invalid", Harness);

        var first = Disclosure(await page.CallAsync("disclose", "organisation", "Société Analytique"));
        var second = Disclosure(await page.CallAsync("disclose", "organisation", "Société Analytique"));

        foreach (var d in new[] { first, second })
        {
            Assert.Equal("organisation", d.Field);
            Assert.Equal(PersonalFieldCommitment.Compute(d.Field, Convert.FromHexString(d.Salt), d.Value).ToString(), d.Commitment);
        }

        Assert.NotEqual(first.Salt, second.Salt);
        Assert.NotEqual(first.Commitment, second.Commitment);
    }

    private static byte[] Fill(byte value) => Enumerable.Repeat(value, PersonalFieldCommitment.SaltBytes).ToArray();

    private static (string Commitment, string Field, string Value, string Salt) Disclosure(System.Text.Json.Nodes.JsonNode? json)
    {
        var d = System.Text.Json.Nodes.JsonNode.Parse((string?)json ?? "[]")!.AsArray().Single()!;
        return ((string)d["commitment"]!, (string)d["field"]!, (string)d["value"]!, (string)d["salt"]!);
    }
}
