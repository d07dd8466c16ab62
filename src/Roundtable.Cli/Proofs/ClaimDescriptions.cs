using System.Text;
using Roundtable.Application.Governance.Proposals;
using Roundtable.Application.Members;
using Roundtable.Core.Encoding;
using Roundtable.Core.Hashing;
using Roundtable.Ledger.Notary;
using Roundtable.Node.Api;
using Roundtable.Node.Json;
using Roundtable.Proofs.Bundles;

namespace Roundtable.Cli.Proofs;

/// <summary>Proven claims in plain words: what the record says, decoded where this software knows the record's format.</summary>
internal static class ClaimDescriptions
{
    public static string Describe(ProofClaim claim) => claim switch
    {
        TransactionClaim t => Transaction(t),
        StateClaim s => State(s),
        _ => "an unknown kind of claim",
    };

    private static string Transaction(TransactionClaim claim)
    {
        var position = $"is in block {claim.Height}, position {claim.Path.LeafIndex + 1} of {claim.Path.TreeSize}";
        try
        {
            var tx = Ledger.Transactions.Transaction.Decode(claim.Transaction);
            return $"Transaction {tx.Hash} ({MessageJson.TypeName(tx.Message.Type)}, signed by key {tx.Sender.Id.ToShortString()}) {position}. " +
                "(Whether it executed successfully is shown by the state it changed, not by its inclusion.)";
        }
        catch (Exception e) when (e is DecodeException or ArgumentOutOfRangeException)
        {
            return $"Transaction {Hash256.Compute(claim.Transaction)} {position} (its content is not readable by this software).";
        }
    }

    private static string State(StateClaim claim)
    {
        var key = Encoding.UTF8.GetString(claim.Key);
        var at = $"in the state recorded by block {claim.Height}";
        if (claim.Value is null)
        {
            return $"State key '{key}' has no value {at}.";
        }

        if (key.StartsWith(NotaryKeys.AnchorPrefix, StringComparison.Ordinal) && TryDecode<AnchorRecord>(claim.Value) is { } anchor)
        {
            return Anchor(anchor, claim.Height);
        }

        if (key.StartsWith("proposal/", StringComparison.Ordinal) && TryDecode<ProposalRecord>(claim.Value) is { } proposal)
        {
            var outcome = proposal.Outcome.Length == 0 ? string.Empty : $" ({proposal.Outcome})";
            return $"Proposal \"{proposal.Title}\" ({GovernanceMessageJson.KindName(proposal.Kind)}, decided by {proposal.Rule.Method.Name()}, {proposal.Voters} voter(s)) is {proposal.Status.Name()}{outcome} {at}.";
        }

        if (key.StartsWith("member/", StringComparison.Ordinal) && TryDecode<MemberRecord>(claim.Value) is { } member)
        {
            return $"Member {member.DisplayName} ({member.StakeholderGroup}, {member.Region}) is registered, {(member.IsVerified ? "verified" : "not verified")}, key {(member.IsActive ? "active" : "revoked")}, {at}.";
        }

        return $"State key '{key}' holds a value of {claim.Value.Length} bytes (SHA-256 {Hash256.Compute(claim.Value).ToShortString()}) {at}.";
    }

    /// <summary>An anchor in plain words: the document, who anchored it when, who co-signed, and its status as of the proven block.</summary>
    public static string Anchor(AnchorRecord anchor, ulong provenAt)
    {
        var m = anchor.Metadata;
        var author = anchor.Author;
        var cosigners = anchor.Endorsements.Count == 0
            ? "no co-signers"
            : $"co-signed by {anchor.Endorsements.Count} member(s): " + string.Join(", ", anchor.Endorsements
                .GroupBy(e => e.StakeholderGroup, StringComparer.Ordinal)
                .OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => $"{g.Key} {g.Count()}"));
        var by = anchor.WithdrawingProposal is { } proposal ? $"by proposal {proposal}" : "by its author";
        var status = anchor.Status switch
        {
            AnchorStatus.Active => "not revoked",
            AnchorStatus.Revoked => $"REVOKED {by} at block {anchor.StatusHeight}: {anchor.StatusReason}",
            _ => $"SUPERSEDED {by} at block {anchor.StatusHeight} by {anchor.Replacement}: {anchor.StatusReason}",
        };
        return $"Document \"{m.Title}\" ({m.MediaType}, {m.SizeBytes} bytes, SHA-256 {anchor.Digest}) was anchored in block {anchor.AnchoredHeight} " +
            $"({Time(anchor.AnchoredTimeMs)}) by a member of {author.StakeholderGroup} ({author.Region}, {(author.Verified ? "verified" : "not verified")}); " +
            $"{cosigners}. As of block {provenAt} it is {status}.";
    }

    /// <summary>The record, or null when the value is not one.</summary>
    public static T? TryDecode<T>(byte[] value)
        where T : class, ICanonical<T>
    {
        try
        {
            return Canonical.FromBytes<T>(value);
        }
        catch (DecodeException)
        {
            return null;
        }
    }

    /// <summary>Unix milliseconds as RFC 3339 UTC.</summary>
    public static string Time(ulong ms) => ApiViews.Time(ms);
}
