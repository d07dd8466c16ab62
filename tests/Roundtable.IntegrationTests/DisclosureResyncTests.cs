using System.Text;
using Roundtable.Core.Crypto;
using Roundtable.IntegrationTests.Support;
using Roundtable.Ledger.Messages;
using Roundtable.Ledger.Messages.PersonalData;
using Roundtable.Node.Hosting;
using Roundtable.Node.PersonalData;

namespace Roundtable.IntegrationTests;

/// <summary>
/// A validator that was down while a member registered and published a profile value comes back,
/// catches up the blocks, and then asks its peers for the value it missed (docs/network.md §10):
/// it serves the value like the others, and erases it like the others when the member withdraws it.
/// </summary>
public sealed class DisclosureResyncTests : IDisposable
{
    private const string Organisation = "Organisation Resync 4b2e";
    private readonly ScratchDirectory _dir = new("roundtable-resync-");

    [Fact]
    public async Task A_node_that_was_down_when_a_value_was_disclosed_gets_it_from_a_peer_after_restarting()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        var ct = timeout.Token;
        using var devnet = await RunningDevnet.StartAsync(_dir.Path, ct);
        var processes = devnet.Processes;
        processes[3].KillHard();

        using var member = PrivateKey.Generate();
        var organisation = FreshDisclosure.Of("organisation", Organisation);
        var registered = await devnet.Client.SendAsync(member, new RegisterMember("Away Day", "civil-society", "africa", [new ProfileField("organisation", organisation.Commitment)]), ct);
        Assert.True(registered.Ok, registered.Reason);
        await devnet.Client.DiscloseAsync([organisation], ct);
        foreach (var p in processes.Take(3))
        {
            await NodeWaits.UntilAsync(async () => (string?)(await p.PersonalFieldAsync(organisation.Commitment))["value"] == Organisation, $"the value on {p.Http.BaseAddress}");
        }

        var home = new NodeHome(devnet.Nodes[3].Home);
        Assert.Empty(Directory.EnumerateFiles(home.PersonalDataDirectory));
        processes[3] = NodeProcess.Start(devnet.Nodes[3].Home, devnet.Nodes[3].ApiUrl);
        await processes[3].WaitUntilServingAsync();

        await NodeWaits.UntilAsync(async () => (string?)(await processes[3].PersonalFieldAsync(organisation.Commitment))["value"] == Organisation, "the value on the restarted node");
        Assert.Equal("available", (string?)(await processes[3].PersonalFieldAsync(organisation.Commitment))["status"]);
        Assert.Single(Directory.EnumerateFiles(home.PersonalDataDirectory));

        var withdrawn = await devnet.Client.SendAsync(member, new WithdrawPersonalField(organisation.Commitment), ct);
        Assert.True(withdrawn.Ok, withdrawn.Reason);
        var value = Encoding.UTF8.GetBytes(Organisation);
        await NodeWaits.UntilAsync(
            () => Task.FromResult(devnet.Nodes.All(n => !Directory.EnumerateFiles(new NodeHome(n.Home).PersonalDataDirectory).Any(f => File.ReadAllBytes(f).AsSpan().IndexOf(value) >= 0))),
            "the erasure on every node, the restarted one included");
    }

    public void Dispose() => _dir.Dispose();
}
