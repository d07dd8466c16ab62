using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Roundtable.Core.Crypto;
using Roundtable.Core.Hashing;
using Roundtable.Node.Runtime;

namespace Roundtable.Node.Api;

/// <summary>Status, blocks, members, accounts and state proofs.</summary>
internal static class ChainEndpoints
{
    public static void Map(IEndpointRouteBuilder api, ChainState chain)
    {
        api.MapGet("/status", () =>
        {
            var s = chain.Status();
            return Results.Json(new JsonObject
            {
                ["chainId"] = s.ChainId,
                ["height"] = s.Height,
                ["latestBlockId"] = s.Height == 0 ? null : s.LatestBlockId.ToString(),
                ["latestBlockTime"] = ApiViews.Time(s.LatestBlockTimeMs),
                ["stateRoot"] = s.StateRoot.ToString(),
                ["genesisHash"] = chain.Genesis.Hash.ToString(),
                ["validators"] = new JsonArray([.. s.Validators.Validators.Select(v => (JsonNode)ApiViews.Validator(v))]),
                ["totalVotingPower"] = s.Validators.TotalPower,
                ["mempool"] = new JsonObject { ["transactions"] = s.MempoolSize, ["bytes"] = s.MempoolBytes },
                ["release"] = new JsonObject { ["version"] = chain.Release.Version, ["releaseHash"] = chain.Release.Hash.ToString() },
                ["upgrade"] = chain.UpgradePlan is { } plan
                    ? new JsonObject
                    {
                        ["version"] = plan.Version,
                        ["releaseHash"] = plan.VersionHash.ToString(),
                        ["haltHeight"] = plan.HaltHeight,
                        ["proposal"] = plan.Proposal.ToString(),
                        ["thisNodeContinues"] = plan.VersionHash == chain.Release.Hash,
                    }
                    : null,
                ["halted"] = chain.UpgradeHalt?.Message,
            });
        }).WithName("GetStatus").WithSummary("Chain id, height, latest block, state root and validators.");

        api.MapGet("/blocks/{height}", (string height, string? format) =>
        {
            if (format is not (null or "json" or "binary"))
            {
                return ApiProblem.Create(StatusCodes.Status400BadRequest, "invalid-format", "The format is 'json' (the default) or 'binary' (the block's canonical bytes, docs/encoding.md 9.2).");
            }

            ulong h;
            if (height == "latest")
            {
                h = chain.Status().Height;
            }
            else if (!ulong.TryParse(height, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out h) || h == 0)
            {
                return ApiProblem.Create(StatusCodes.Status400BadRequest, "invalid-height", "A height is a positive integer or 'latest'.");
            }

            var stored = h == 0 ? null : chain.ReadBlock(h);
            return stored is null ? ApiProblem.MissingBlock(chain, h)
                : format == "binary" ? Results.Bytes(stored.Block.Encoded, "application/octet-stream")
                : Results.Json(ApiViews.Block(stored));
        }).WithName("GetBlock").WithSummary("A committed block with its transactions, results and commit (JSON; ?format=binary for the block's canonical bytes alone).");

        api.MapGet("/members", (int? limit) =>
        {
            var members = chain.Query(app => app.ListMembers(Math.Clamp(limit ?? 100, 1, 1000))
                .Select(m => (JsonNode)ApiViews.Member(m, c => app.ViewPersonalField(c, chain.Disclosed))).ToList());
            return Results.Json(new JsonObject { ["members"] = new JsonArray([.. members]) });
        }).WithName("ListMembers").WithSummary("Registered members (published fields only).");

        api.MapGet("/members/{id}", (string id) =>
        {
            if (!Hash256.TryParse(id, out var memberId))
            {
                return ApiProblem.InvalidId("member");
            }

            var view = chain.Query(app => app.GetMember(memberId) is not { } member ? null : ApiViews.Member(member, c => app.ViewPersonalField(c, chain.Disclosed), app.GetAffiliation(memberId) is { } a ? IdentityViews.Affiliation(a, app.LastBlockTimeMs, app.Parameters) : null));
            return view is null
                ? ApiProblem.Unknown("member", id)
                : Results.Json(view);
        }).WithName("GetMember").WithSummary("One member.");

        api.MapGet("/members/{id}/recovery", (string id) =>
        {
            if (!Hash256.TryParse(id, out var memberId))
            {
                return ApiProblem.InvalidId("member");
            }

            var (member, recovery) = chain.Query(app => (app.GetMember(memberId), app.GetPendingRecovery(memberId)));
            return member is null
                ? ApiProblem.Unknown("member", id)
                : Results.Json(ApiViews.Recovery(member, recovery));
        }).WithName("GetMemberRecovery").WithSummary("The guardians' approvals of a new key for a member, and when a scheduled recovery takes effect.");

        api.MapGet("/accounts/{publicKey}", (string publicKey) =>
        {
            if (!PublicKey.TryParse(publicKey, out var key) || key is null)
            {
                return ApiProblem.Create(StatusCodes.Status400BadRequest, "invalid-public-key", "A public key is 130 hex characters starting with 01.");
            }

            var (account, pending) = chain.DescribeSender(key);
            return Results.Json(new JsonObject
            {
                ["publicKey"] = key.ToString(),
                ["memberId"] = account.Member?.Id.ToString(),
                ["registered"] = account.Member is not null,
                ["canSign"] = account.Problem is null || account.Member is null,
                ["problem"] = account.Member is null ? null : account.Problem?.Reason,
                ["committedSequence"] = account.NextSequence,
                ["pendingTransactions"] = pending,
                ["nextSequence"] = account.NextSequence + pending,
            });
        }).WithName("GetAccount").WithSummary("What a key may sign and the sequence its next transaction needs.");

        api.MapGet("/state/proof", (string? key) =>
        {
            if (string.IsNullOrEmpty(key) || key.Length > 1024)
            {
                return ApiProblem.Create(StatusCodes.Status400BadRequest, "invalid-key", "Pass the state key as ?key=…, for example key=member/<id>.");
            }

            var answer = chain.Prove(Encoding.UTF8.GetBytes(key));
            return Results.Json(new JsonObject
            {
                ["key"] = key,
                ["height"] = answer.Height,
                ["stateRoot"] = answer.StateRoot.ToString(),
                ["exists"] = answer.Value is not null,
                ["value"] = answer.Value is null ? null : Convert.ToHexStringLower(answer.Value),
                ["proof"] = ProofViews.StateProof(answer.Proof),
                ["verified"] = answer.Value is null
                    ? answer.Proof.VerifyNonMembership(answer.StateRoot, answer.Key)
                    : answer.Proof.VerifyMembership(answer.StateRoot, answer.Key, answer.Value),
            });
        }).WithName("GetStateProof").WithSummary("A membership or non-membership proof for a state key against the current state root.");
    }
}
