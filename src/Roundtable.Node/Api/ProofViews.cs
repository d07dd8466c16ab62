using System.Text;
using System.Text.Json.Nodes;
using Roundtable.Core.Encoding;
using Roundtable.Proofs.Bundles;
using Roundtable.Proofs.LightClient;

namespace Roundtable.Node.Api;

/// <summary>
/// The JSON rendering of proof bundles and light blocks: every field of the canonical binary form,
/// readable. It is for people and scripts; verifiers read the binary form (<c>encoded</c>).
/// </summary>
public static class ProofViews
{
    /// <summary>A bundle, field by field, with its canonical encoding.</summary>
    public static JsonObject Bundle(ProofBundle bundle) => new()
    {
        ["format"] = "roundtable-proof-bundle",
        ["version"] = ProofBundle.Version,
        ["chainId"] = bundle.ChainId,
        ["anchor"] = Anchor(bundle.Anchor),
        ["headers"] = new JsonArray([.. bundle.Headers.Select(h => (JsonNode)new JsonObject
        {
            ["id"] = h.Header.Id.ToString(),
            ["header"] = ApiViews.Header(h.Header),
            ["commit"] = ApiViews.Commit(h.Commit),
            ["nextValidators"] = h.NextValidators is null ? null : ApiViews.ValidatorSet(h.NextValidators),
        })]),
        ["claims"] = new JsonArray([.. bundle.Claims.Select(Claim)]),
        ["encoded"] = Convert.ToHexStringLower(bundle.ToBytes()),
    };

    /// <summary>A trust anchor with the hash a person trusts.</summary>
    public static JsonObject Anchor(TrustAnchor anchor) => anchor switch
    {
        GenesisAnchor g => new JsonObject
        {
            ["type"] = "genesis",
            ["genesisHash"] = g.Hash.ToString(),
            ["chainId"] = g.ChainId,
            ["genesisTime"] = ApiViews.Time(g.GenesisTimeMs),
            ["validators"] = ApiViews.ValidatorSet(g.Validators),
            ["encoded"] = Encoded(g.Encode),
        },
        HeaderAnchor h => new JsonObject
        {
            ["type"] = "header",
            ["blockId"] = h.Hash.ToString(),
            ["header"] = ApiViews.Header(h.Header),
            ["nextValidators"] = ApiViews.ValidatorSet(h.Next),
            ["encoded"] = Encoded(h.Encode),
        },
        _ => throw new ArgumentOutOfRangeException(nameof(anchor)),
    };

    /// <summary>A light block with its canonical encoding.</summary>
    public static JsonObject LightBlock(LightBlock block) => new()
    {
        ["height"] = block.Header.Height,
        ["id"] = block.Header.Id.ToString(),
        ["header"] = ApiViews.Header(block.Header),
        ["commit"] = ApiViews.Commit(block.Commit),
        ["validators"] = ApiViews.ValidatorSet(block.Validators),
        ["nextValidators"] = ApiViews.ValidatorSet(block.NextValidators),
        ["encoded"] = Convert.ToHexStringLower(block.ToBytes()),
    };

    private static JsonNode Claim(ProofClaim claim) => claim switch
    {
        TransactionClaim t => new JsonObject
        {
            ["type"] = "transaction",
            ["height"] = t.Height,
            ["transactionHash"] = Core.Hashing.Hash256.Compute(t.Transaction).ToString(),
            ["transaction"] = Convert.ToHexStringLower(t.Transaction),
            ["leafIndex"] = t.Path.LeafIndex,
            ["treeSize"] = t.Path.TreeSize,
            ["path"] = new JsonArray([.. t.Path.Path.Select(p => (JsonNode)JsonValue.Create(p.ToString()))]),
        },
        StateClaim s => new JsonObject
        {
            ["type"] = "state",
            ["height"] = s.Height,
            ["key"] = Encoding.UTF8.GetString(s.Key),
            ["exists"] = s.Value is not null,
            ["value"] = s.Value is null ? null : Convert.ToHexStringLower(s.Value),
            ["proof"] = StateProof(s.Proof),
        },
        _ => throw new ArgumentOutOfRangeException(nameof(claim)),
    };

    /// <summary>A state proof's canonical encoding in hex.</summary>
    public static string StateProof(Merkle.StateProof proof) => Encoded(proof.Encode);

    private static string Encoded(Action<CanonicalWriter> encode)
    {
        var writer = new CanonicalWriter();
        encode(writer);
        return Convert.ToHexStringLower(writer.WrittenSpan);
    }
}
