using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Roundtable.Core.Hashing;
using Roundtable.Node.Runtime;
using Roundtable.Proofs.Building;
using Roundtable.Proofs.Bundles;
using Roundtable.Ledger.Notary;

namespace Roundtable.Node.Api;

/// <summary>
/// Proof bundles (docs/proofs.md) for state keys, anchored documents and transactions, and light
/// blocks for light clients. Bundles are served in their canonical binary form, or rendered as
/// JSON with <c>?format=json</c>; <c>?trust=H</c> starts the bundle from block H instead of genesis;
/// <c>?including=H</c> asks for a state that includes block H (409 until the next header commits it).
/// </summary>
internal static class ProofEndpoints
{
    public const string BundleMediaType = "application/vnd.roundtable.proof-bundle";

    /// <summary>Most keys one state bundle may prove.</summary>
    private const int MaxKeys = 16;

    public static void Map(IEndpointRouteBuilder api, ChainState chain)
    {
        api.MapGet("/proofs/state", (HttpRequest request, string? trust, string? format, string? including) =>
        {
            var keys = request.Query["key"].Where(k => !string.IsNullOrEmpty(k)).Select(k => k!).ToList();
            if (keys.Count is 0 or > MaxKeys || keys.Any(k => Encoding.UTF8.GetByteCount(k) > ProofClaim.MaxKeyBytes))
            {
                return ApiProblem.Create(StatusCodes.Status400BadRequest, "invalid-key", $"Pass 1 to {MaxKeys} state keys as ?key=…, for example key=member/<id>.");
            }

            return Bundle(() => chain.ProveState([.. keys.Select(Encoding.UTF8.GetBytes)], TrustHeight(trust), Height(including)), format, "state");
        }).WithName("GetStateProofBundle").WithSummary("A proof bundle for state keys (membership or absence) in the newest committed state.");

        api.MapGet("/proofs/anchors/{digest}", (string digest, string? trust, string? format, string? including) =>
            Hash256.TryParse(digest, out var d)
                ? Bundle(() => chain.ProveState([NotaryKeys.Anchor(d)], TrustHeight(trust), Height(including)), format, "anchor-" + d.ToShortString())
                : ApiProblem.Create(StatusCodes.Status400BadRequest, "invalid-digest", "A document digest is its SHA-256: 64 hex characters."))
            .WithName("GetAnchorProofBundle").WithSummary("A proof bundle showing whether a document digest is anchored, and its record.");

        api.MapGet("/proofs/transactions/{hash}", (string hash, string? trust, string? format) =>
            Hash256.TryParse(hash, out var h)
                ? Bundle(() => chain.ProveTransaction(h, TrustHeight(trust)), format, "tx-" + h.ToShortString())
                : ApiProblem.Create(StatusCodes.Status400BadRequest, "invalid-transaction-hash", "A transaction hash is 64 hex characters."))
            .WithName("GetTransactionProofBundle").WithSummary("A proof bundle showing that a committed transaction is in its block.");

        api.MapGet("/proofs/genesis", () => Results.Json(ProofViews.Anchor(chain.Genesis)))
            .WithName("GetGenesisAnchor").WithSummary("The genesis as a trust anchor, with the genesis hash.");

        api.MapGet("/light/{height}", (string height, string? format) =>
        {
            ulong? h = null;
            if (height != "latest")
            {
                if (!ulong.TryParse(height, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) || parsed == 0)
                {
                    return ApiProblem.Create(StatusCodes.Status400BadRequest, "invalid-height", "A height is a positive integer or 'latest'.");
                }

                h = parsed;
            }

            try
            {
                var block = chain.ReadLightBlock(h);
                return block is null
                    ? ApiProblem.MissingBlock(chain, h ?? chain.Height)
                    : format == "json" ? Results.Json(ProofViews.LightBlock(block)) : Results.Bytes(block.ToBytes(), "application/octet-stream");
            }
            catch (ProofUnavailableException e)
            {
                return ApiProblem.Create(StatusCodes.Status409Conflict, "history-unavailable", e.Message);
            }
        }).WithName("GetLightBlock").WithSummary("Header, commit and validator sets of one height, for light clients (binary; ?format=json for JSON).");
    }

    private static IResult Bundle(Func<ProofBundle> build, string? format, string name)
    {
        ProofBundle bundle;
        try
        {
            bundle = build();
        }
        catch (QueryHeightException e)
        {
            return ApiProblem.Create(StatusCodes.Status400BadRequest, e.Reason, e.Message);
        }
        catch (ProofPendingException e)
        {
            return ApiProblem.Create(StatusCodes.Status409Conflict, "proof-pending", e.Message);
        }
        catch (ProofUnavailableException e)
        {
            return ApiProblem.Create(StatusCodes.Status409Conflict, "proof-unavailable", e.Message);
        }

        return format == "json"
            ? Results.Json(ProofViews.Bundle(bundle))
            : Results.File(bundle.ToBytes(), BundleMediaType, name + ".rtproof");
    }

    private static ulong? TrustHeight(string? trust) =>
        trust is null or "genesis" ? null
        : ulong.TryParse(trust, NumberStyles.None, CultureInfo.InvariantCulture, out var h) && h > 0 ? h
        : throw new QueryHeightException("invalid-trust", "?trust= is 'genesis' or the height of a block you trust.");

    private static ulong? Height(string? including) =>
        including is null ? null
        : ulong.TryParse(including, NumberStyles.None, CultureInfo.InvariantCulture, out var h) ? h
        : throw new QueryHeightException("invalid-height", "?including= is the height of a block the proven state must include.");

    private sealed class QueryHeightException(string reason, string message) : Exception(message)
    {
        public string Reason { get; } = reason;
    }
}
