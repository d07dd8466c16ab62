using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Roundtable.IntegrationTests.Support;
using Roundtable.Node.Devnet;
using Roundtable.Node.Hosting;
using Xunit.Abstractions;

namespace Roundtable.IntegrationTests;

/// <summary>
/// The classic operator mistake that makes a validator double sign: a second machine started with
/// the same validator key. Five validators in five groups; the fifth's key also runs on a sixth
/// process, so the two sign different votes for the same steps. The others record the evidence,
/// and by rule the fifth validator decides no block from two heights after that; the remaining
/// four keep committing, and the API and the power page show the suspension with its proof.
/// </summary>
public sealed class DoubleSignSuspensionTests(ITestOutputHelper output) : IDisposable
{
    private const int Validators = 5;
    private readonly ScratchDirectory _dir = new("roundtable-doublesign-");

    [Fact]
    public async Task A_validator_whose_key_signs_on_two_machines_loses_its_power_by_rule_and_the_chain_keeps_committing()
    {
        var nodes = DevnetLayout.Create(_dir.Path, Validators, DevnetPorts.FindFreeBase(Validators + 1), 200, DateTimeOffset.UtcNow, fullNodes: 1);
        var offender = nodes[Validators - 1];
        File.Copy(new NodeHome(offender.Home).ValidatorKeyFile, new NodeHome(nodes[Validators].Home).ValidatorKeyFile, overwrite: true);
        var processes = nodes.Select(n => (NodeProcess?)NodeProcess.Start(n.Home, n.ApiUrl)).ToArray();
        try
        {
            foreach (var p in processes)
            {
                await p!.WaitUntilServingAsync();
            }

            var observer = processes[0]!;
            JsonObject? record = null;
            await NodeWaits.UntilAsync(async () =>
            {
                var report = (await observer.Http.GetFromJsonAsync<JsonObject>("/api/v1/validators/accountability"))!;
                record = report["validators"]!.AsArray().Select(v => v!.AsObject()).SingleOrDefault(v => (string?)v["name"] == offender.ValidatorName);
                return record is not null;
            }, "the double signer's evidence to be recorded");

            Assert.True((bool)record!["suspended"]!);
            var recorded = (ulong)record["recordedHeight"]!;
            var without = (ulong)record["withoutItFromHeight"]!;
            Assert.Equal(recorded + 2, without);
            Assert.NotEmpty(record["evidence"]!.AsArray());

            // The chain goes on without it: the four others commit well past the change.
            await NodeWaits.AllAbove(processes, [0, 1, 2, 3], without + 3);
            var before = await Header(observer, without - 1);
            var after = await Header(observer, without);
            Assert.NotEqual((string?)before["validatorSetHash"], (string?)after["validatorSetHash"]);
            Assert.Equal((string?)before["nextValidatorSetHash"], (string?)after["validatorSetHash"]);
            var validators = (await observer.Http.GetFromJsonAsync<JsonObject>("/api/v1/status"))!["validators"]!.AsArray();
            Assert.Equal(Validators - 1, validators.Count);
            Assert.DoesNotContain(validators, v => (string?)v!["name"] == offender.ValidatorName);
            Assert.All(validators, v => Assert.Equal(validators[0]!["power"]!.GetValue<ulong>(), v!["power"]!.GetValue<ulong>()));
            Assert.False((bool)(await Accountability(processes[2]!, offender.ValidatorName))["inCurrentSet"]!);

            // The power page and the explorer's page of the recording block say it in words.
            var page = await observer.Http.GetStringAsync("/power");
            Assert.Contains("Validators caught signing twice", page, StringComparison.Ordinal);
            Assert.Contains(offender.ValidatorName, page, StringComparison.Ordinal);
            Assert.Contains($"Out of the validator set from block {without}.", page, StringComparison.Ordinal);
            var block = await observer.Http.GetStringAsync($"/blocks/{recorded}");
            Assert.Contains("this block records the proof", block, StringComparison.Ordinal);
            Assert.Contains($"By rule, it decides no block from block {without} on.", block, StringComparison.Ordinal);
            output.WriteLine($"{offender.ValidatorName}: evidence recorded in block {recorded}, out of the set from block {without}");
        }
        finally
        {
            foreach (var p in processes)
            {
                p?.Dispose();
            }
        }
    }

    private static async Task<JsonObject> Header(NodeProcess node, ulong height) =>
        (JsonObject)(await node.Http.GetFromJsonAsync<JsonObject>($"/api/v1/blocks/{height}"))!["header"]!;

    private static async Task<JsonObject> Accountability(NodeProcess node, string name) =>
        (await node.Http.GetFromJsonAsync<JsonObject>("/api/v1/validators/accountability"))!["validators"]!.AsArray()
            .Select(v => v!.AsObject()).Single(v => (string?)v["name"] == name);

    public void Dispose() => _dir.Dispose();
}
