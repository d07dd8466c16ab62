using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using Roundtable.Cli.Api;
using Roundtable.Cli.Infrastructure;
using Roundtable.Cli.Keys;
using Roundtable.Cli.Tx;
using Roundtable.Core.Hashing;

namespace Roundtable.Cli.Query;

/// <summary><c>roundtable query</c>: read blocks, transactions, members and state proofs from a node.</summary>
internal static class QueryCommand
{
    public static Command Create(CliApp app)
    {
        var node = NodeOption.Create();
        var query = new Command("query", "Read blocks, transactions, members and state proofs from a node") { node };
        query.Subcommands.Add(Block(app, node));
        query.Subcommands.Add(Transaction(app, node));
        query.Subcommands.Add(Member(app, node));
        query.Subcommands.Add(Members(app, node));
        query.Subcommands.Add(Proof(app, node));
        foreach (var command in SessionQueries.All(app, node).Concat(NotaryQueries.All(app, node)).Concat(NameQueries.All(app, node)).Concat(IdentityQueries.All(app, node)).Concat(DisputeQueries.All(app, node)).Concat(PracticeQueries.All(app, node)))
        {
            query.Subcommands.Add(command);
        }
        query.Subcommands.Add(ProposalQueries.Proposals(app, node));
        query.Subcommands.Add(ProposalQueries.Proposal(app, node));
        query.Subcommands.Add(AssessmentQueries.Assessment(app, node));
        return query;
    }

    private static Command Block(CliApp app, Option<string?> node)
    {
        var height = new Argument<string>("HEIGHT") { Description = "A block height, or 'latest'" };
        var command = new Command("block", "Show a committed block: header, transactions and their results") { height };
        app.SetAction(command, async (context, parse, ct) =>
        {
            var which = parse.GetValue(height)!.Trim().ToLowerInvariant();
            if (which != "latest" && !(ulong.TryParse(which, NumberStyles.None, CultureInfo.InvariantCulture, out var h) && h > 0))
            {
                throw new CliException($"'{which}' is not a block height: give a positive integer or 'latest'.", "invalid-height");
            }

            using var api = NodeOption.Connect(context, parse, node);
            var block = await api.BlockAsync(which, ct).ConfigureAwait(false);
            if (context.Json)
            {
                context.WriteJson(block);
            }
            else
            {
                QueryViews.Block(context, block);
            }

            return CliApp.Ok;
        });
        return command;
    }

    private static Command Transaction(CliApp app, Option<string?> node)
    {
        var hash = new Argument<string>("HASH") { Description = "The transaction hash (64 hex characters)" };
        var command = new Command("tx", "Show whether a transaction is pending, committed (with its result) or rejected") { hash };
        app.SetAction(command, async (context, parse, ct) =>
        {
            var text = parse.GetValue(hash)!.Trim();
            if (!Hash256.TryParse(text, out var id))
            {
                throw new CliException($"'{text}' is not a transaction hash (64 hex characters).", "invalid-hash");
            }

            using var api = NodeOption.Connect(context, parse, node);
            var tx = await api.TransactionAsync(id.ToString(), ct).ConfigureAwait(false);
            if (context.Json)
            {
                context.WriteJson(tx);
            }
            else
            {
                QueryViews.Transaction(context, tx);
            }

            return CliApp.Ok;
        });
        return command;
    }

    private static Command Member(CliApp app, Option<string?> node)
    {
        var id = new Argument<string?>("ID") { Description = "The member id (64 hex characters)", Arity = ArgumentArity.ZeroOrOne };
        var key = new Option<string?>("--key") { Description = "Look up the member a keyring key signs for, instead of an id" };
        var keyring = KeyringOption.Create(recursive: false);
        var command = new Command("member", "Show one member: name, group, region, verification, guardians") { id, key, keyring };
        app.SetAction(command, async (context, parse, ct) =>
        {
            var idText = parse.GetValue(id);
            var keyName = parse.GetValue(key);
            if ((idText is null) == (keyName is null))
            {
                throw new CliException("give either a member ID or --key NAME.", "usage");
            }

            using var api = NodeOption.Connect(context, parse, node);
            string memberId;
            if (keyName is not null)
            {
                using var signer = KeyringOption.Open(context, parse, keyring).Load(keyName);
                var account = await api.AccountAsync(signer.PublicKey.ToString(), ct).ConfigureAwait(false);
                memberId = account.OptionalString("memberId")
                    ?? throw new CliException($"key '{keyName}' is not registered as a member (register with 'roundtable tx register --key {keyName} ...').", "unknown-member");
                if (account.OptionalString("problem") is { } problem)
                {
                    context.Note($"note: key '{keyName}' can no longer sign for this member: {problem}");
                }
            }
            else
            {
                memberId = TxArguments.MemberId(idText, "ID").ToString();
            }

            var member = await api.MemberAsync(memberId, ct).ConfigureAwait(false);
            if (context.Json)
            {
                context.WriteJson(member);
            }
            else
            {
                QueryViews.Member(context, member);
            }

            return CliApp.Ok;
        });
        return command;
    }

    private static Command Members(CliApp app, Option<string?> node)
    {
        var limit = new Option<int>("--limit") { Description = "Most members to list (1-1000)", DefaultValueFactory = _ => 100 };
        var command = new Command("members", "List registered members") { limit };
        app.SetAction(command, async (context, parse, ct) =>
        {
            var n = parse.GetValue(limit);
            if (n is < 1 or > 1000)
            {
                throw new CliException("--limit must be between 1 and 1000.", "invalid-argument");
            }

            using var api = NodeOption.Connect(context, parse, node);
            var answer = await api.MembersAsync(n, ct).ConfigureAwait(false);
            if (context.Json)
            {
                context.WriteJson(answer);
            }
            else
            {
                QueryViews.Members(context, answer.Array("members"));
            }

            return CliApp.Ok;
        });
        return command;
    }

    private static Command Proof(CliApp app, Option<string?> node)
    {
        var stateKey = new Argument<string>("STATEKEY") { Description = "A state key, for example member/<id>" };
        var command = new Command("proof", "Get a membership or non-membership proof for a state key and check it against the state root") { stateKey };
        app.SetAction(command, async (context, parse, ct) =>
        {
            using var api = NodeOption.Connect(context, parse, node);
            var proof = await api.ProofAsync(parse.GetValue(stateKey)!, ct).ConfigureAwait(false);
            if (context.Json)
            {
                context.WriteJson(proof);
                return CliApp.Ok;
            }

            context.Write(Views.Properties(
                ("key", proof.Display("key")),
                ("height", proof.Display("height")),
                ("state root", proof.Display("stateRoot")),
                ("exists", proof.Display("exists")),
                ("value", proof.OptionalString("value") is { } v ? $"{v.Length / 2} bytes" : "-"),
                ("verified", proof.Display("verified"))));
            return proof["verified"] is JsonValue ok && ok.TryGetValue<bool>(out var verified) && !verified ? CliApp.Failed : CliApp.Ok;
        });
        return command;
    }
}
