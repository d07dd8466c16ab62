using System.CommandLine;
using System.Text.Json.Nodes;
using Roundtable.Cli.Api;
using Roundtable.Cli.Infrastructure;
using Roundtable.Core.Encoding;
using Roundtable.Node.Api;
using Roundtable.Proofs.Bundles;
using Roundtable.Proofs.LightClient;

namespace Roundtable.Cli.Proofs;

/// <summary>
/// <c>roundtable light</c>: follows a node's headers from what you trust, checking commits and
/// validator-set changes without executing blocks; a witness node is cross-checked and two valid
/// headers for one height are reported as evidence. Exit 0 verified, 1 refused or conflicting, 2 usage.
/// </summary>
internal static class LightCommand
{
    public static Command Create(CliApp app)
    {
        var trust = TrustArgument.Create();
        var trustHeight = new Option<ulong?>("--trust-height") { Description = "The height of the block whose id you pass as --trust (omit to trust genesis)" };
        var node = NodeOption.Create(recursive: false);
        var witness = new Option<string?>("--witness") { Description = "Another node to cross-check the result with" };
        var height = new Option<ulong?>("--height") { Description = "The height to verify [default: the node's newest]" };
        var sequential = new Option<bool>("--sequential") { Description = "Check every header instead of skipping (bisection)" };
        var period = new Option<ulong>("--trusting-period-hours") { Description = "How old the trusted header may be", DefaultValueFactory = _ => LightClientOptions.DefaultTrustingPeriodMs / 3_600_000 };
        var evidence = new Option<string?>("--evidence") { Description = "Where to write the two conflicting commits when the witness disagrees" };
        var command = new Command("light", "Verify a node's newest (or a given) header as a light client, from a trusted genesis or block") { trust, trustHeight, node, witness, height, sequential, period, evidence };
        app.SetAction(command, async (context, parse, ct) =>
        {
            var trusted = TrustArgument.Parse(parse.GetValue(trust)!);
            using var primaryApi = NodeOption.Connect(context, parse, node);
            using var witnessApi = parse.GetValue(witness) is { } w ? new ApiClient(w) : null;
            var primary = new HttpLightSource(primaryApi);
            var (chainId, start) = await StartAsync(primaryApi, primary, trusted, parse.GetValue(trustHeight), ct).ConfigureAwait(false);
            var options = new LightClientOptions { Sequential = parse.GetValue(sequential), TrustingPeriodMs = checked(parse.GetValue(period) * 3_600_000) };
            var client = new LightClient(chainId, start, options);
            LightSync result;
            try
            {
                result = await client.SyncAsync(primary, witnessApi is null ? null : new HttpLightSource(witnessApi), parse.GetValue(height), (ulong)DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(), ct).ConfigureAwait(false);
            }
            catch (LightClientException e)
            {
                throw new CliException("refused: " + e.Message, "verification-failed");
            }

            if (result.Conflict is { } conflict && parse.GetValue(evidence) is { } path)
            {
                await File.WriteAllTextAsync(path, Evidence(conflict).ToJsonString(), ct).ConfigureAwait(false);
            }

            Report(context, result, trusted, options);
            return result.Conflict is null ? CliApp.Ok : CliApp.Failed;
        });
        return command;
    }

    private static async Task<(string ChainId, TrustedState State)> StartAsync(ApiClient api, HttpLightSource source, TrustArgument trust, ulong? trustHeight, CancellationToken ct)
    {
        if (trustHeight is { } h)
        {
            var block = await source.GetAsync(h, ct).ConfigureAwait(false) ?? throw new CliException($"{api.NodeUrl} has no block {h} to start from.", "not-found");
            return block.Header.Id == trust.Hash
                ? (block.Header.ChainId, new TrustedState(h, block.Header.TimeMs, block.Header.Id, block.NextValidators))
                : throw new CliException($"refused: block {h} from {api.NodeUrl} has id {block.Header.Id}, not the {trust.Hash} you trust.", "verification-failed");
        }

        var genesis = trust.Genesis ?? await FetchGenesisAsync(api, ct).ConfigureAwait(false);
        return genesis.Hash == trust.Hash
            ? (genesis.ChainId, TrustedState.From(genesis))
            : throw new CliException($"refused: {api.NodeUrl} serves genesis {genesis.Hash}, not the {trust.Hash} you trust.", "verification-failed");
    }

    private static async Task<GenesisAnchor> FetchGenesisAsync(ApiClient api, CancellationToken ct)
    {
        var json = await api.GenesisAnchorAsync(ct).ConfigureAwait(false);
        try
        {
            var reader = new CanonicalReader(Convert.FromHexString(json.String("encoded")));
            var anchor = TrustAnchor.Decode(ref reader, json.String("chainId"));
            reader.EnsureEnd();
            return anchor as GenesisAnchor ?? throw new CliException($"{api.NodeUrl} served a genesis that is not one.", "bad-response");
        }
        catch (Exception e) when (e is DecodeException or FormatException)
        {
            throw new CliException($"{api.NodeUrl} served a malformed genesis: {e.Message}", "bad-response");
        }
    }

    private static void Report(CommandContext context, LightSync result, TrustArgument trust, LightClientOptions options)
    {
        var mode = options.Sequential ? "sequentially" : "by skipping";
        if (context.Json)
        {
            context.WriteJson(new JsonObject
            {
                ["verified"] = result.Conflict is null,
                ["height"] = result.Target.Height,
                ["blockId"] = result.Target.Id.ToString(),
                ["time"] = ApiViews.Time(result.Target.TimeMs),
                ["stateRoot"] = result.Target.StateRoot.ToString(),
                ["mode"] = options.Sequential ? "sequential" : "skipping",
                ["blocksFetched"] = result.BlocksFetched,
                ["headersVerified"] = result.HeadersVerified,
                ["trust"] = trust.Hash.ToString(),
                ["conflict"] = result.Conflict is null ? null : Evidence(result.Conflict),
                ["witnessProblem"] = result.WitnessProblem,
            });
            return;
        }

        context.Text($"Verified block {result.Target.Height} (id {result.Target.Id}, {ApiViews.Time(result.Target.TimeMs)}), state root {result.Target.StateRoot}.");
        context.Text($"Checked {result.HeadersVerified} header(s) {mode}, fetched {result.BlocksFetched} light block(s); trusted {trust.Source}.");
        if (result.WitnessProblem is not null)
        {
            context.Text("Witness: " + result.WitnessProblem + ".");
        }

        if (result.Conflict is { } c)
        {
            context.Text($"CONFLICT at height {c.Primary.Header.Height}: the primary's block {c.Primary.Header.Id.ToShortString()} and the witness's block {c.Witness.Header.Id.ToShortString()} both carry valid commits.");
            context.Text($"Validators that signed both: {string.Join(", ", c.DoubleSigners.Select(k => c.Primary.Validators.Find(k)?.Name ?? k.Id.ToShortString()))}. This is evidence of equivocation; do not trust either node.");
        }
    }

    private static JsonObject Evidence(ConflictingCommits conflict) => new()
    {
        ["type"] = "conflicting-commits",
        ["height"] = conflict.Primary.Header.Height,
        ["primary"] = ProofViews.LightBlock(conflict.Primary),
        ["witness"] = ProofViews.LightBlock(conflict.Witness),
        ["doubleSigners"] = new JsonArray([.. conflict.DoubleSigners.Select(k => (JsonNode)JsonValue.Create(k.ToString()))]),
    };
}
