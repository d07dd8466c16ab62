using System.Text.Json.Nodes;
using Roundtable.Cli.Infrastructure;
using Roundtable.Core.Hashing;
using Roundtable.Proofs.Bundles;
using Roundtable.Proofs.Verification;

namespace Roundtable.Cli.Proofs;

/// <summary>What <c>roundtable verify</c> says: in plain words for people, or as JSON for scripts. <see cref="Verification"/> is null when the bundle did not even decode.</summary>
internal sealed record VerificationReport(BundleVerification? Verification, TrustArgument Trust, string? ChainId, string? Part, string? Reason, (string Path, Hash256 Digest)? File)
{
    public bool IsVerified => Part is null;

    public void Write(CommandContext context)
    {
        if (context.Json)
        {
            context.WriteJson(ToJson());
            return;
        }

        context.Text(IsVerified
            ? "VERIFIED, offline: no node was asked."
            : $"REFUTED: {Part}: {Reason}.");
        if (File is { } file)
        {
            context.Text($"The file {file.Path} has SHA-256 {file.Digest}.");
        }

        if (Verification is null)
        {
            return;
        }

        if (IsVerified)
        {
            context.Text("What is proven:");
            foreach (var claim in Verification.Claims)
            {
                context.Text("  - " + ClaimDescriptions.Describe(claim.Claim));
            }
        }

        foreach (var header in Verification.Headers.Where(h => h.TotalPower > 0))
        {
            var groups = string.Join(", ", header.Groups.Select(g => $"{g.Group} {g.Signers}/{g.Validators}"));
            context.Text($"Block {header.Height} ({ClaimDescriptions.Time(header.TimeMs)}) was signed by validators holding {header.SignedPower} of {header.TotalPower} voting power: {groups}.");
        }

        context.Text($"Trusted: {AnchorDescription()}, from {Trust.Source}; {Verification.ValidatorSetChanges} validator-set change(s) checked on the way.");
    }

    private string AnchorDescription() => Verification?.Anchor switch
    {
        GenesisAnchor g => $"the genesis of chain '{g.ChainId}' ({ClaimDescriptions.Time(g.GenesisTimeMs)}, hash {g.Hash})",
        HeaderAnchor h => $"block {h.Header.Height} of chain '{ChainId}' (id {h.Hash})",
        _ => "an unknown anchor",
    };

    private JsonObject ToJson() => new()
    {
        ["verified"] = IsVerified,
        ["part"] = Part,
        ["reason"] = Reason,
        ["chainId"] = ChainId,
        ["trust"] = new JsonObject
        {
            ["hash"] = Trust.Hash.ToString(),
            ["source"] = Trust.Source,
            ["anchor"] = Verification?.Anchor is HeaderAnchor ? "header" : "genesis",
            ["anchorHeight"] = Verification?.Anchor.Height,
        },
        ["file"] = File is { } f ? new JsonObject { ["path"] = f.Path, ["sha256"] = f.Digest.ToString() } : null,
        ["validatorSetChanges"] = Verification?.ValidatorSetChanges ?? 0,
        ["headers"] = new JsonArray([.. (Verification?.Headers ?? []).Select(h => (JsonNode)new JsonObject
        {
            ["height"] = h.Height,
            ["blockId"] = h.BlockId.ToString(),
            ["time"] = ClaimDescriptions.Time(h.TimeMs),
            ["signedPower"] = h.SignedPower,
            ["totalPower"] = h.TotalPower,
            ["changesValidators"] = h.ChangesValidators,
            ["groups"] = new JsonArray([.. h.Groups.Select(g => (JsonNode)new JsonObject
            {
                ["group"] = g.Group,
                ["signers"] = g.Signers,
                ["validators"] = g.Validators,
                ["signedPower"] = g.SignedPower,
                ["groupPower"] = g.GroupPower,
            })]),
        })]),
        ["claims"] = new JsonArray([.. (Verification?.Claims ?? []).Select(c => (JsonNode)new JsonObject
        {
            ["height"] = c.Claim.Height,
            ["what"] = BundleVerifier.Describe(c.Claim),
            ["statement"] = ClaimDescriptions.Describe(c.Claim),
        })]),
    };
}
