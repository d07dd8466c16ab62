using System.Diagnostics;
using System.Text.Json.Nodes;
using Roundtable.Application.Governance.Proposals;
using Roundtable.Application.Governance.Tallying;
using Roundtable.Application.Parameters;
using Roundtable.Core.Crypto;
using Roundtable.Core.Hashing;
using Roundtable.Ledger.Messages.Governance;

namespace Roundtable.Node.Devnet.Demo;

/// <summary>The demo's proposals and what the parameter change did, read back from the API.</summary>
/// <param name="Recommendation">The recommendation decided by rough consensus.</param>
/// <param name="ParameterChange">The parameter change decided by balanced vote.</param>
/// <param name="RecoveryDelayBefore">The key-recovery delay before the change.</param>
/// <param name="RecoveryDelayWhilePassed">The delay read while the change had passed but its timelock ran.</param>
/// <param name="RecoveryDelayAfter">The delay after execution.</param>
public sealed record ProposalsOutcome(Hash256 Recommendation, Hash256 ParameterChange, ulong RecoveryDelayBefore, ulong RecoveryDelayWhilePassed, ulong RecoveryDelayAfter);

/// <summary>
/// The demo's two proposals, driven through their whole lifecycle: a recommendation decided by
/// rough consensus (an objection, the chair's ruling and call) and a parameter change decided by a
/// balanced vote that takes effect only after its timelock.
/// </summary>
public static class DemoProposals
{
    /// <summary>The recommendation's title.</summary>
    public const string RecommendationTitle = "Publish every session's outcome document with its SHA-256 on the ledger";

    /// <summary>The parameter change's title.</summary>
    public const string ParameterChangeTitle = "Double the key-recovery delay";

    private static readonly TimeSpan PhaseTimeout = TimeSpan.FromMinutes(5);

    /// <summary>Submits both, and follows them to their final status.</summary>
    public static async Task<ProposalsOutcome> RunAsync(DemoCast cast, CancellationToken ct)
    {
        var client = cast.Client;
        var author = cast.Founder("technical", 2);
        var chair = cast.Founder("civil-society", 2);
        var recommendation = await SubmitAsync(cast, author, GovernanceMessages.Recommendation(
            RecommendationTitle,
            "# Outcome documents on the ledger\n\nEvery session publishes its outcome document within a week, and anchors its SHA-256 on the ledger so that anyone can verify the text offline.\n",
            DemoCast.MemberId(chair)), ct).ConfigureAwait(false);
        await client.SendAsync(cast.Founder("government", 2), new SponsorProposal(recommendation), ct).ConfigureAwait(false);
        await client.SendAsync(cast.Founder("private-sector", 2), new CommentOnProposal(recommendation, "Please say what happens to documents that are not in English."), ct).ConfigureAwait(false);

        var proposer = cast.Founder("government", 1);
        var current = ReadParameters(await client.GetAsync("parameters", ct).ConfigureAwait(false));
        var changed = current with { RecoveryDelayMs = checked(current.RecoveryDelayMs * 2) };
        var parameterChange = await SubmitAsync(cast, proposer, GovernanceMessages.ChangeParameters(
            ParameterChangeTitle,
            $"# Key recovery\n\nGuardians' key recovery waits {changed.RecoveryDelayMs} ms of block time instead of {current.RecoveryDelayMs} ms, giving a member whose key was taken twice as long to cancel.\n",
            changed,
            null), ct).ConfigureAwait(false);
        await Task.WhenAll(
            client.SendAsync(cast.Founder("civil-society", 1), new SponsorProposal(parameterChange), ct),
            client.SendAsync(cast.Founder("technical", 1), new SponsorProposal(parameterChange), ct)).ConfigureAwait(false);

        await WaitForStatusAsync(cast, recommendation, ["voting"], ct).ConfigureAwait(false);
        await WaitForStatusAsync(cast, parameterChange, ["voting"], ct).ConfigureAwait(false);
        var objector = cast.Founder("intergovernmental", 1);
        var objection = ConsensusStatement.Objects("Documents need a plain-language summary, or most of the world cannot read them.");
        var recommendationDocument = await DocumentHashAsync(client, recommendation, ct).ConfigureAwait(false);
        var changeDocument = await DocumentHashAsync(client, parameterChange, ct).ConfigureAwait(false);
        await Task.WhenAll(cast.Everyone.Select(async member =>
        {
            var statement = member == objector ? objection
                : member == cast.Founder("private-sector", 1) ? ConsensusStatement.StandsAside("We will not publish, but will not stand in the way.")
                : ConsensusStatement.Supports();
            await client.SendAsync(member, GovernanceMessages.Vote(recommendation, recommendationDocument, statement), ct).ConfigureAwait(false);
            var ballot = member == cast.Founder("private-sector", 2) ? YesNoBallot.No : YesNoBallot.Yes;
            await client.SendAsync(member, GovernanceMessages.Vote(parameterChange, changeDocument, ballot), ct).ConfigureAwait(false);
        })).ConfigureAwait(false);
        cast.Log("ballots cast: consensus statements on the recommendation (one objection, one stand-aside), yes/no on the parameter change");

        await client.SendAsync(chair, GovernanceMessages.Rule(recommendation, DemoCast.MemberId(objector), objection, true, "A plain-language summary becomes part of every outcome document."), ct).ConfigureAwait(false);
        await WaitForStatusAsync(cast, recommendation, ["awaiting-call"], ct).ConfigureAwait(false);
        await client.SendAsync(chair, new CallConsensus(recommendation, true, "Broad support; the one objection is addressed by the plain-language summary."), ct).ConfigureAwait(false);
        cast.Log("the chair ruled the objection addressed and called consensus; the appeal window is open");

        await WaitForStatusAsync(cast, parameterChange, ["passed"], ct).ConfigureAwait(false);
        var whilePassed = ReadParameters(await client.GetAsync("parameters", ct).ConfigureAwait(false));
        cast.Log($"parameter change passed; recovery delay still {whilePassed.RecoveryDelayMs} ms until the timelock ends");
        await WaitForStatusAsync(cast, parameterChange, ["executed"], ct).ConfigureAwait(false);
        var after = ReadParameters(await client.GetAsync("parameters", ct).ConfigureAwait(false));
        cast.Log($"parameter change executed: recovery delay now {after.RecoveryDelayMs} ms");
        await WaitForStatusAsync(cast, recommendation, ["passed", "executed"], ct).ConfigureAwait(false);
        cast.Log("recommendation adopted by rough consensus");
        return new ProposalsOutcome(recommendation, parameterChange, current.RecoveryDelayMs, whilePassed.RecoveryDelayMs, after.RecoveryDelayMs);
    }

    /// <summary>Waits until the proposal has one of <paramref name="statuses"/>; throws if it ends in another final status.</summary>
    public static async Task<JsonObject> WaitForStatusAsync(DemoCast cast, Hash256 proposal, string[] statuses, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var json = await cast.Client.GetAsync("proposals/" + proposal, ct).ConfigureAwait(false);
            var status = (string)json["status"]!;
            if (statuses.Contains(status, StringComparer.Ordinal))
            {
                return json;
            }

            if (status is "rejected" or "withdrawn" or "cancelled" or "execution-failed" || clock.Elapsed > PhaseTimeout)
            {
                throw new InvalidOperationException($"Proposal {proposal.ToShortString()} is '{status}' ({json["outcome"]}), not {string.Join(" or ", statuses)}.");
            }

            await Task.Delay(250, ct).ConfigureAwait(false);
        }
    }

    private static async Task<Hash256> SubmitAsync(DemoCast cast, PrivateKey author, SubmitProposal proposal, CancellationToken ct)
    {
        var sent = await cast.Client.SendAsync(author, proposal, ct).ConfigureAwait(false);
        var id = ProposalId.For(DemoCast.MemberId(author), sent.Sequence);
        cast.Log($"proposal '{proposal.Title}' submitted at height {sent.Height} ({id.ToShortString()})");
        return id;
    }

    private static async Task<Hash256> DocumentHashAsync(LedgerClient client, Hash256 proposal, CancellationToken ct) =>
        Hash256.Parse((string)(await client.GetAsync("proposals/" + proposal, ct).ConfigureAwait(false))["documentHash"]!);

    /// <summary>Chain parameters from GET /api/v1/parameters.</summary>
    public static ChainParameters ReadParameters(JsonObject json)
    {
        static NamedEntry[] Entries(JsonNode? list) => [.. ((JsonArray)list!).Select(e => new NamedEntry((string)e!["id"]!, (string)e["name"]!))];
        return new ChainParameters(
            Entries(json["stakeholderGroups"]),
            Entries(json["regions"]),
            Enum.Parse<AdmissionRule>((string)json["admission"]!, ignoreCase: true),
            (uint)json["attestationsRequired"]!,
            (ulong)json["recoveryDelayMs"]!,
            (uint)json["minValidatorGroups"]!,
            json["passkeyRelyingParties"] is JsonArray sites ? [.. sites.Select(s => (string)s!)] : null,
            Api.IdentityViews.ReadAnchors(json["trustAnchors"]),
            json["disputes"] is JsonObject disputes ? Api.DisputeViews.ReadRules(disputes) : null);
    }
}
