using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using Roundtable.Cli.Api;
using Roundtable.Cli.Infrastructure;
using Roundtable.Core.Hashing;
using Roundtable.Proofs.Bundles;

namespace Roundtable.Cli.Proofs;

/// <summary>
/// <c>roundtable prove</c>: asks a node for a proof bundle about a file, a digest, a transaction or
/// state keys and writes it to a file that <c>roundtable verify</c> checks offline. The file itself
/// never leaves this machine: only its SHA-256 is sent.
/// </summary>
internal static class ProveCommand
{
    public static Command Create(CliApp app)
    {
        var file = new Option<string?>("--file") { Description = "A document: prove whether its SHA-256 is anchored (the file is hashed here, not sent)" };
        var digest = new Option<string?>("--digest") { Description = "A document's SHA-256: prove whether it is anchored" };
        var tx = new Option<string?>("--tx") { Description = "A transaction hash: prove it is in its block" };
        var key = new Option<string[]>("--key") { Description = "A state key (repeatable), e.g. member/<id>: prove its value or its absence", AllowMultipleArgumentsPerToken = false };
        var trustHeight = new Option<ulong?>("--trust-height") { Description = "Start the proof from this block (whose id you trust) instead of genesis" };
        var output = new Option<string?>("--out") { Description = "Where to write the bundle [default: a name from what it proves, .rtproof]" };
        var wait = new Option<int>("--wait-seconds") { Description = "How long to wait for the newest state to be committed in a header", DefaultValueFactory = _ => 30 };
        var node = NodeOption.Create(recursive: false);
        var command = new Command("prove", "Download a proof bundle about a document, a transaction or state keys, to verify offline") { file, digest, tx, key, trustHeight, output, wait, node };
        app.SetAction(command, async (context, parse, ct) =>
        {
            var (path, name) = Request(parse.GetValue(file), parse.GetValue(digest), parse.GetValue(tx), parse.GetValue(key) ?? []);
            using var api = NodeOption.Connect(context, parse, node);
            var query = new List<string>();
            if (parse.GetValue(tx) is null)
            {
                // Prove the state as of now: including everything committed when the command was given.
                query.Add("including=" + (await api.StatusAsync(ct).ConfigureAwait(false)).UInt64("height").ToString(CultureInfo.InvariantCulture));
            }

            if (parse.GetValue(trustHeight) is { } t)
            {
                query.Add("trust=" + t.ToString(CultureInfo.InvariantCulture));
            }

            path += query.Count == 0 ? string.Empty : (path.Contains('?', StringComparison.Ordinal) ? "&" : "?") + string.Join("&", query);
            var bytes = await context.WithStatusAsync($"Asking {api.NodeUrl} for a proof…", () => FetchAsync(api, path, parse.GetValue(wait), ct)).ConfigureAwait(false);
            var bundle = ProofBundle.Decode(bytes);
            var target = parse.GetValue(output) ?? name + ".rtproof";
            await File.WriteAllBytesAsync(target, bytes, ct).ConfigureAwait(false);
            var trustHash = bundle.Anchor.Hash.ToString();
            if (context.Json)
            {
                context.WriteJson(new JsonObject { ["bundle"] = target, ["bytes"] = bytes.Length, ["chainId"] = bundle.ChainId, ["trust"] = trustHash, ["headers"] = bundle.Headers.Count, ["claims"] = bundle.Claims.Count });
                return CliApp.Ok;
            }

            context.Text($"Wrote {target} ({bytes.Length} bytes): {bundle.Claims.Count} claim(s), {bundle.Headers.Count} committed header(s), from {(bundle.Anchor is GenesisAnchor ? "genesis" : "block " + bundle.Anchor.Height)}.");
            context.Text($"Check it anywhere, offline: roundtable verify --bundle {target}{(parse.GetValue(file) is { } f ? " --file " + f : string.Empty)} --trust {trustHash}");
            context.Text("(Better: get the trust hash from someone you trust, or pass the chain's genesis file as --trust.)");
            return CliApp.Ok;
        });
        return command;
    }

    private static (string Path, string Name) Request(string? file, string? digest, string? tx, string[] keys)
    {
        var given = (file is null ? 0 : 1) + (digest is null ? 0 : 1) + (tx is null ? 0 : 1) + (keys.Length == 0 ? 0 : 1);
        if (given != 1)
        {
            throw new UsageException("give exactly one of --file, --digest, --tx or --key.");
        }

        if (file is not null || digest is not null)
        {
            var d = file is not null ? VerifyCommand.Digest(file) : Hash256.TryParse(digest, out var h) ? h : throw new UsageException("--digest must be 64 hex characters (a SHA-256).");
            return ("anchors/" + d, "anchor-" + d.ToShortString());
        }

        if (tx is not null)
        {
            return Hash256.TryParse(tx, out var h) ? ("transactions/" + h, "tx-" + h.ToShortString()) : throw new UsageException("--tx must be a transaction hash (64 hex characters).");
        }

        return ("state?" + string.Join("&", keys.Select(k => "key=" + Uri.EscapeDataString(k))), "state");
    }

    /// <summary>Fetches the bundle; while the requested state is not yet in a header, waits for the next block.</summary>
    private static async Task<byte[]> FetchAsync(ApiClient api, string path, int waitSeconds, CancellationToken ct)
    {
        var deadline = DateTimeOffset.UtcNow.AddSeconds(Math.Max(0, waitSeconds));
        while (true)
        {
            try
            {
                return await api.ProofBundleAsync(path, ct).ConfigureAwait(false);
            }
            catch (ApiException e) when (e.Reason == "proof-pending" && DateTimeOffset.UtcNow < deadline)
            {
                await Task.Delay(250, ct).ConfigureAwait(false);
            }
        }
    }
}
