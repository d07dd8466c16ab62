using Roundtable.Application.Execution;
using Roundtable.Application.Governance.Proposals;
using Roundtable.Application.Notary;
using Roundtable.Application.Parameters;
using Roundtable.Application.State;
using Roundtable.Core.Hashing;
using Roundtable.Ledger.DataPractices;
using Roundtable.Ledger.Messages;
using Roundtable.Ledger.Messages.DataPractices;
using Roundtable.Ledger.Messages.Notary;
using Roundtable.Ledger.Notary;

namespace Roundtable.Application.DataPractices;

/// <summary>
/// The register of data practices: members publish statements of how they collect and process
/// data, revise them (only the publisher may) and comment on each other's. Each version is
/// anchored through the notary as its <see cref="PracticeDocument"/>, and a new version supersedes
/// the previous anchor, so the notary's lineage and proofs cover the statement's history. Pure:
/// reads and writes only the state view. See docs/data-practices.md.
/// </summary>
public static class DataPracticesModule
{
    /// <summary>Most statements one member may publish (revisions do not count).</summary>
    public const int MaxStatementsPerMember = 64;

    /// <summary>Most versions of one statement.</summary>
    public const int MaxVersions = 256;

    /// <summary>Most comments on one statement, over all its versions.</summary>
    public const int MaxComments = 1000;

    /// <summary>True for the message types this module executes (128–143).</summary>
    public static bool Handles(MessageType type) => type is >= MessageType.PublishPracticeStatement and <= (MessageType)143;

    /// <summary>The head of statement <paramref name="id"/>, or null.</summary>
    public static PracticeHead? GetHead(StateView state, Hash256 id) => state.Get<PracticeHead>(PracticeKeys.Statement(id));

    /// <summary>The version whose digest is <paramref name="digest"/>, or null.</summary>
    public static PracticeVersion? GetVersion(StateView state, Hash256 digest) => state.Get<PracticeVersion>(PracticeKeys.Version(digest));

    /// <summary>Executes one register message.</summary>
    public static void Execute(TxContext ctx, TxMessage message)
    {
        switch (message)
        {
            case PublishPracticeStatement m: Publish(ctx, m.Statement); break;
            case RevisePracticeStatement m: Revise(ctx, m); break;
            case CommentOnPracticeStatement m: Comment(ctx, m); break;
            default: throw new TxRejectedException(TxCode.InvalidArgument, $"The data-practice register does not handle {message.Type}.");
        }
    }

    private static void Publish(TxContext ctx, PracticeStatement statement)
    {
        var sender = ctx.RequireSender();
        RequireKnownTerms(ctx.Parameters, statement);
        if (ctx.State.ScanPrefix(PracticeKeys.MemberPrefix(sender.Id)).Count >= MaxStatementsPerMember)
        {
            throw new TxRejectedException(TxCode.Oversize, $"A member publishes at most {MaxStatementsPerMember} statements; publish a new version of an existing one instead.");
        }

        var document = new PracticeDocument(sender.Id, null, statement);
        var digest = document.Digest;
        if (GetVersion(ctx.State, digest) is not null)
        {
            throw new TxRejectedException(TxCode.AlreadyExists, $"You have already published this statement, word for word, as {digest.ToShortString()}.");
        }

        AnchorVersion(ctx, document, []);
        ctx.State.Put(PracticeKeys.Version(digest), new PracticeVersion(document, digest, 1, ctx.Height, ctx.TimeMs));
        ctx.State.Put(PracticeKeys.Statement(digest), new PracticeHead(digest, sender.Id, digest, 1, 0));
        ctx.State.Put(PracticeKeys.Member(sender.Id, digest), new PracticeAuthorship(ctx.Height));
    }

    private static void Revise(TxContext ctx, RevisePracticeStatement m)
    {
        var sender = ctx.RequireSender();
        var previous = RequireVersion(ctx.State, m.Previous);
        var head = GetHead(ctx.State, previous.StatementId) ?? throw new InvalidOperationException($"Version {m.Previous} names missing statement {previous.StatementId}.");
        if (head.Author != sender.Id)
        {
            throw new TxRejectedException(
                TxCode.Unauthorized,
                $"Only the member who published this statement (member {head.Author.ToShortString()}) may publish a new version of it; comment on it or open a dispute instead.");
        }

        if (head.Current != m.Previous)
        {
            throw new TxRejectedException(
                TxCode.InvalidArgument,
                $"Version {m.Previous.ToShortString()} is not the statement's current version ({head.Current.ToShortString()}); revise the current version.");
        }

        if (head.Versions >= MaxVersions)
        {
            throw new TxRejectedException(TxCode.Oversize, $"A statement has at most {MaxVersions} versions; publish a new statement instead.");
        }

        RequireKnownTerms(ctx.Parameters, m.Statement);
        var document = new PracticeDocument(sender.Id, m.Previous, m.Statement);
        var digest = document.Digest;

        // The notary refuses a withdrawn previous anchor with its own reason (revoked or superseded, since when).
        AnchorVersion(ctx, document, [new LineageLink(LineageRelation.NewVersionOf, m.Previous)]);
        NotaryModule.Execute(ctx, new SupersedeAnchor(m.Previous, digest, m.Reason));
        ctx.State.Put(PracticeKeys.Version(digest), new PracticeVersion(document, head.Id, head.Versions + 1, ctx.Height, ctx.TimeMs));
        ctx.State.Put(PracticeKeys.Statement(head.Id), head with { Current = digest, Versions = head.Versions + 1 });
    }

    private static void Comment(TxContext ctx, CommentOnPracticeStatement m)
    {
        var sender = ctx.RequireSender();
        var version = RequireVersion(ctx.State, m.Version);
        var head = GetHead(ctx.State, version.StatementId) ?? throw new InvalidOperationException($"Version {m.Version} names missing statement {version.StatementId}.");
        if (head.Comments >= MaxComments)
        {
            throw new TxRejectedException(TxCode.Oversize, $"A statement keeps at most {MaxComments} comments.");
        }

        ctx.State.Put(PracticeKeys.Comment(head.Id, head.Comments), new PracticeComment(m.Version, sender.Id, m.Text, ctx.Height, ctx.TimeMs));
        ctx.State.Put(PracticeKeys.Statement(head.Id), head with { Comments = head.Comments + 1 });
    }

    /// <summary>Anchors the version in the notary, by the sender, tagged as a practice statement.</summary>
    private static void AnchorVersion(TxContext ctx, PracticeDocument document, IReadOnlyList<LineageLink> links)
    {
        // Versions are anchors: while an emergency pause stops the notary, it stops the register's versions too.
        PausableModules.RefuseIfPaused(ctx.State, MessageType.AnchorDocument, ctx.TimeMs);
        var bytes = document.ToBytes();
        var metadata = new AnchorMetadata(document.Statement.Title, PracticeDocument.MediaType, (ulong)bytes.Length, null, [PracticeDocument.AnchorTag]);
        NotaryModule.Execute(ctx, new AnchorDocument(document.Digest, metadata, links));
    }

    /// <summary>Refuses a legal basis, region or transfer basis outside the fixed lists and the chain's regions, naming what is allowed.</summary>
    private static void RequireKnownTerms(ChainParameters parameters, PracticeStatement statement)
    {
        if (!LegalBases.IsKnown(statement.LegalBasis))
        {
            throw new TxRejectedException(
                TxCode.UnknownLegalBasis,
                $"Legal basis '{statement.LegalBasis}' is not one of: {string.Join(", ", LegalBases.All)}.");
        }

        if (statement.Regions.FirstOrDefault(r => !parameters.HasRegion(r)) is { } region)
        {
            throw new TxRejectedException(
                TxCode.UnknownRegion,
                $"Region '{region}' is not one of this chain's regions: {string.Join(", ", parameters.Regions.Select(r => r.Id))}.");
        }

        if (statement.Transfers.FirstOrDefault(t => !LegalBases.IsKnownTransfer(t.Basis)) is { } transfer)
        {
            throw new TxRejectedException(
                TxCode.UnknownTransferBasis,
                $"Transfer basis '{transfer.Basis}' (to {transfer.Recipient} in {transfer.Region}) is not one of: {string.Join(", ", LegalBases.Transfers)}.");
        }
    }

    private static PracticeVersion RequireVersion(StateView state, Hash256 digest) =>
        GetVersion(state, digest) ?? throw new TxRejectedException(TxCode.NotFound, $"No practice statement version has digest {digest.ToShortString()}.");
}
