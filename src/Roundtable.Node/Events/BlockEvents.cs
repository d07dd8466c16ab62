using System.Text.Json.Nodes;
using Roundtable.Ledger.Messages;
using Roundtable.Ledger.Messages.Governance;
using Roundtable.Ledger.Messages.Sessions;
using Roundtable.Node.Api;
using Roundtable.Node.Chain;
using Roundtable.Node.Json;

namespace Roundtable.Node.Events;

/// <summary>
/// What a committed block tells open pages: the block, each transaction's outcome, and which
/// proposals' and polls' counts may have changed (a page then re-reads the tally it shows).
/// </summary>
public static class BlockEvents
{
    /// <summary>The events of one stored block, in block order: the block, its transactions, then tally and poll changes.</summary>
    public static IReadOnlyList<ChainEvent> Of(StoredBlock stored)
    {
        var header = stored.Block.Header;
        var height = header.Height;
        var events = new List<ChainEvent>
        {
            new("block", height, new JsonObject
            {
                ["height"] = height,
                ["id"] = header.Id.ToString(),
                ["time"] = ApiViews.Time(header.TimeMs),
                ["transactions"] = stored.Block.Transactions.Count,
            }),
        };
        var proposals = new SortedSet<string>(StringComparer.Ordinal);
        var polls = new SortedSet<(string Session, uint Poll)>();
        for (var i = 0; i < stored.Block.Transactions.Count; i++)
        {
            var tx = stored.Block.Transactions[i];
            var result = stored.Results[i];
            events.Add(new("transaction", height, new JsonObject
            {
                ["hash"] = tx.Hash.ToString(),
                ["height"] = height,
                ["index"] = i,
                ["type"] = MessageJson.TypeName(tx.Message.Type),
                ["result"] = ApiViews.Result(result),
            }));
            if (!result.IsOk)
            {
                continue;
            }

            if (CountedProposal(tx.Message) is { } proposal)
            {
                proposals.Add(proposal);
            }

            if (tx.Message is CastPollBallot ballot)
            {
                polls.Add((ballot.Session.ToString(), ballot.Poll));
            }
        }

        events.AddRange(proposals.Select(p => new ChainEvent("tally", height, new JsonObject { ["proposal"] = p, ["height"] = height })));
        events.AddRange(polls.Select(p => new ChainEvent("poll", height, new JsonObject { ["session"] = p.Session, ["poll"] = p.Poll, ["height"] = height })));
        return events;
    }

    /// <summary>The proposal whose count or call a message changes, or null.</summary>
    private static string? CountedProposal(TxMessage message) => message switch
    {
        CastVote m => m.Proposal.ToString(),
        RevealVote m => m.Proposal.ToString(),
        RuleOnObjection m => m.Proposal.ToString(),
        CallConsensus m => m.Proposal.ToString(),
        AppealCall m => m.Proposal.ToString(),
        _ => null,
    };
}
