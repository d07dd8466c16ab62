using System.CommandLine;
using Roundtable.Cli.Api;
using Roundtable.Cli.Infrastructure;
using Roundtable.Cli.Notary;
using Roundtable.Cli.Tx;

namespace Roundtable.Cli.Query;

/// <summary><c>query anchor</c> (by digest or by hashing a file here) and <c>query anchors</c> (a member's).</summary>
internal static class NotaryQueries
{
    public static IEnumerable<Command> All(CliApp app, Option<string?> node) => [Anchor(app, node), Anchors(app, node)];

    private static Command Anchor(CliApp app, Option<string?> node)
    {
        var document = new DocumentDigest();
        var command = new Command("anchor", "Is this document anchored? Who anchored it and when, from which group and region, who co-signed it, and is it still standing");
        document.AddTo(command);
        app.SetAction(command, async (context, parse, ct) =>
        {
            var (digest, size) = document.Resolve(parse);
            using var api = NodeOption.Connect(context, parse, node);
            var anchor = await api.AnchorAsync(digest.ToString(), ct).ConfigureAwait(false);
            if (context.Json)
            {
                context.WriteJson(anchor);
            }
            else
            {
                AnchorViews.Anchor(context, anchor, size);
            }

            return CliApp.Ok;
        });
        return command;
    }

    private static Command Anchors(CliApp app, Option<string?> node)
    {
        var member = new Option<string>("--member") { Description = "The member id", Required = true };
        var limit = new Option<int>("--limit") { Description = "Most anchors to list (1-1000)", DefaultValueFactory = _ => 100 };
        var command = new Command("anchors", "List the documents a member anchored or co-signed") { member, limit };
        app.SetAction(command, async (context, parse, ct) =>
        {
            var memberId = TxArguments.MemberId(parse.GetValue(member), "--member").ToString();
            var n = parse.GetValue(limit);
            if (n is < 1 or > 1000)
            {
                throw new CliException("--limit must be between 1 and 1000.", "invalid-argument");
            }

            using var api = NodeOption.Connect(context, parse, node);
            var answer = await api.MemberAnchorsAsync(memberId, n, ct).ConfigureAwait(false);
            if (context.Json)
            {
                context.WriteJson(answer);
            }
            else
            {
                AnchorViews.List(context, answer.Array("anchors"));
            }

            return CliApp.Ok;
        });
        return command;
    }
}
