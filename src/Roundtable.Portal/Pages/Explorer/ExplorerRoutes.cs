using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Roundtable.Application;
using Roundtable.Core.Crypto;
using Roundtable.Core.Hashing;
using Roundtable.Portal.Explaining;
using Roundtable.Portal.Hosting;
using Roundtable.Portal.Pages.Messages;
using Roundtable.Portal.Reading;

namespace Roundtable.Portal.Pages.Explorer;

/// <summary>GET /blocks (paged), /blocks/{height} and /txs/{hash}.</summary>
internal static class ExplorerRoutes
{
    private const ulong PageSize = 20;

    public static void Map(IEndpointRouteBuilder routes)
    {
        routes.MapGet("/blocks", (string? from, HttpContext context, PageRenderer pages, IChainReader chain) =>
        {
            var tip = chain.Query(app => app.Height);
            ulong top = tip;
            if (from is not null && (!TryParseHeight(from, out top) || top > tip))
            {
                return PortalMessage.Malformed(pages, context, "message.bad-page", ("value", from));
            }

            var rows = new List<BlockRow>();
            for (var h = top; h >= 1 && rows.Count < (int)PageSize; h--)
            {
                if (chain.ReadBlock(h) is { } committed)
                {
                    var header = committed.Block.Header;
                    rows.Add(new BlockRow(h, header.TimeMs, committed.Block.Transactions.Count, chain.Query(app => ValidatorName(app, header.Proposer))));
                }
            }

            ulong? newer = top < tip ? Math.Min(tip, top + PageSize) : null;
            ulong? older = top > PageSize ? top - PageSize : null;
            return pages.Render<BlockListPage>(context, new BlockListModel(rows, tip, newer, older));
        });

        routes.MapGet("/blocks/{height}", (string height, HttpContext context, PageRenderer pages, IChainReader chain) =>
        {
            if (!TryParseHeight(height, out var h))
            {
                return PortalMessage.Malformed(pages, context, "message.bad-height", ("value", height));
            }

            if (chain.ReadBlock(h) is not { } committed)
            {
                return PortalMessage.NotFound(pages, context, "message.no-block", ("height", height));
            }

            var model = chain.Query(app => new BlockModel(
                committed,
                ValidatorName(app, committed.Block.Header.Proposer),
                BlockSigners.Of(committed.Commit, [app.Validators.Set, app.LastValidators.Set, app.NextValidators.Set], app.Validators.Set),
                [.. committed.Block.Transactions.Select((tx, i) => TransactionStories.Tell(app, tx, committed.Results[i]))],
                app.Parameters,
                app.Height,
                Evidence(app, committed)));
            return pages.Render<BlockPage>(context, model);
        });

        routes.MapGet("/txs/{hash}", (string hash, HttpContext context, PageRenderer pages, IChainReader chain) =>
        {
            if (!Hash256.TryParse(hash, out var id))
            {
                return PortalMessage.Malformed(pages, context, "message.bad-hash", ("value", hash));
            }

            var lookup = chain.FindTransaction(id);
            if (lookup.Standing == TransactionStanding.Unknown)
            {
                return PortalMessage.NotFound(pages, context, "message.no-transaction", ("hash", hash));
            }

            var model = chain.Query(app => new TransactionModel(
                id,
                lookup,
                lookup.Transaction is { } tx ? TransactionStories.Tell(app, tx, lookup.Result) : null,
                app.Parameters));
            return pages.Render<TransactionPage>(context, model);
        });
    }

    private static bool TryParseHeight(string text, out ulong height) =>
        ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out height) && height > 0;

    /// <summary>The block's proofs of double signing, with what the rule did when this block recorded them.</summary>
    private static IReadOnlyList<RecordedEvidence> Evidence(LedgerApplication app, CommittedBlock committed)
    {
        if (committed.Block.Evidence.Count == 0)
        {
            return [];
        }

        var suspensions = app.ListSuspensions();
        return [.. committed.Block.Evidence.Select(e =>
        {
            var suspension = suspensions.FirstOrDefault(s => s.Validator == e.First.Validator.Id && s.Record.RecordedHeight == committed.Block.Header.Height).Record;
            return new RecordedEvidence(e, suspension?.ValidatorName ?? ValidatorName(app, e.First.Validator), suspension);
        })];
    }

    private static string ValidatorName(LedgerApplication app, PublicKey key) =>
        new[] { app.Validators.Set, app.LastValidators.Set }.SelectMany(s => s.Validators).FirstOrDefault(v => v.Key.Equals(key))?.Name
        ?? key.Id.ToShortString();
}
