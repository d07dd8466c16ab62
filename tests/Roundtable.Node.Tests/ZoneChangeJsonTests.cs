using System.Text.Json;
using Roundtable.Ledger.Messages.Governance;
using Roundtable.Node.Hosting;
using Roundtable.Node.Json;

namespace Roundtable.Node.Tests;

/// <summary>The JSON form of a zone-change action: exact policy bytes both ways, and the readable genesis form accepted.</summary>
public sealed class ZoneChangeJsonTests
{
    private static readonly GenesisDocument.ZoneDocument Policy = StarterZone.Document("civic.internal.", 2, "192.0.2.53", requireVerified: true)
        with { Secondaries = ["192.0.2.99:53", "[2001:db8::99]:5353"], TransferKey = "xfr.civic.internal." };

    [Fact]
    public void A_zone_change_and_a_retirement_read_back_exactly_from_their_json()
    {
        foreach (var action in new ProposalAction[] { new ZoneChange("civic.internal.", Policy.ToPolicy()), new ZoneChange("civic.internal.", null) })
        {
            using var json = JsonDocument.Parse(GovernanceMessageJson.Action(action).ToJsonString());

            Assert.Equal(action, GovernanceMessageJson.Action(json.RootElement));
        }
    }

    [Fact]
    public void The_readable_zone_form_is_accepted_and_a_bad_one_names_what_is_wrong()
    {
        var view = GovernanceMessageJson.Action(new ZoneChange("civic.internal.", Policy.ToPolicy()));
        Assert.Contains("192.0.2.99:53", view["zone"]!["secondaries"]!.AsArray().Select(s => (string?)s));
        view.Remove("policy");
        using var readable = JsonDocument.Parse(view.ToJsonString());
        Assert.Equal(Policy.ToPolicy(), ((ZoneChange)GovernanceMessageJson.Action(readable.RootElement)).Policy);

        view["zone"]!["secondaries"]![0] = "not-an-address";
        using var bad = JsonDocument.Parse(view.ToJsonString());
        var error = Assert.Throws<JsonFormException>(() => GovernanceMessageJson.Action(bad.RootElement));
        Assert.Contains("not-an-address", error.Message, StringComparison.Ordinal);
    }
}
