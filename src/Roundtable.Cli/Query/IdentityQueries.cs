using System.CommandLine;
using Roundtable.Cli.Api;
using Roundtable.Cli.Infrastructure;

namespace Roundtable.Cli.Query;

/// <summary><c>query trust-anchors</c>: the trust services whose certificates may verify affiliations.</summary>
internal static class IdentityQueries
{
    public static IEnumerable<Command> All(CliApp app, Option<string?> node) => [TrustAnchors(app, node)];

    private static Command TrustAnchors(CliApp app, Option<string?> node)
    {
        var command = new Command("trust-anchors", "The trust services (root CAs) whose certificates may verify members' affiliations, and the groups each vouches for");
        app.SetAction(command, async (context, parse, ct) =>
        {
            using var api = NodeOption.Connect(context, parse, node);
            var answer = await api.TrustAnchorsAsync(ct).ConfigureAwait(false);
            if (context.Json)
            {
                context.WriteJson(answer);
                return CliApp.Ok;
            }

            var table = Views.Table("anchor", "vouches for", "root subject", "root valid until");
            foreach (var a in answer.Array("trustAnchors"))
            {
                var groups = a.Array("groups").Select(g => g?.GetValue<string>()).ToList();
                table.Row(a.Display("name"), groups.Count == 0 ? "any group" : string.Join(", ", groups), a.Display("rootSubject"), a.Display("rootNotAfter"));
            }

            context.Write(table);
            return CliApp.Ok;
        });
        return command;
    }
}
