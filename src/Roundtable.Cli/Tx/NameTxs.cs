using System.CommandLine;
using System.Text.Json.Nodes;
using Roundtable.Cli.Api;
using Roundtable.Cli.Infrastructure;
using Roundtable.Cli.Names;
using Roundtable.Ledger.Messages.Governance;
using Roundtable.Ledger.Messages.Names;
using Roundtable.Ledger.Names;

namespace Roundtable.Cli.Tx;

/// <summary>Co-governed zones and the names in them: propose a zone change; register, update records, offer, accept, renew a name.</summary>
internal static class NameTxs
{
    public static IEnumerable<Command> All(CliApp app, TxOptions options) =>
        [ZonePropose(app, options), Register(app, options), Update(app, options), Transfer(app, options), Accept(app, options), Renew(app, options)];

    private static Command ZonePropose(CliApp app, TxOptions options)
    {
        var zone = new Option<string>("--zone") { Description = "The zone, e.g. community.internal", Required = true };
        var policy = new Option<string?>("--policy") { Description = "A JSON file with the zone's policy from now on, as in genesis.json's \"zones\" (creates the zone or replaces its policy)" };
        var retire = new Option<bool>("--retire") { Description = "Retire the zone: it and every name in it go" };
        var title = new Option<string>("--title") { Description = "The proposal's title", Required = true };
        var document = new Option<string?>("--document") { Description = "A Markdown file explaining the change, pinned on chain (up to 64 KiB)" };
        var uri = new Option<string?>("--document-uri") { Description = "Where an external document is published (with --document-hash)" };
        var hash = new Option<string?>("--document-hash") { Description = "SHA-256 of the external document" };
        var command = new Command("zone-propose", "Propose to create a co-governed zone, change its policy, or retire it; decided by the zone-change rule (a balanced vote by default)")
        {
            zone, policy, retire, title, document, uri, hash,
        };
        TxSender.Bind(app, command, options, (build, parse) =>
        {
            var origin = (parse.GetValue(zone) ?? "").Trim().ToLowerInvariant().TrimEnd('.') + ".";
            var file = parse.GetValue(policy);
            if ((file is null) == !parse.GetValue(retire))
            {
                throw new CliException("give exactly one of --policy FILE (create or change the zone) or --retire.", "usage");
            }

            var change = new ZoneChange(origin, file is null ? null : NameArguments.Policy(file, origin));
            var pinned = GovernanceTxs.Document(parse.GetValue(document), parse.GetValue(uri), parse.GetValue(hash));
            var author = TxArguments.MemberId(build.Account.OptionalString("memberId"), "memberId");
            var id = ProposalId.For(author, build.Account.UInt64("nextSequence"));
            return new TxPlan(
                new SubmitProposal(parse.GetValue(title)!, pinned, change, default, false),
                $"Proposal {id} ({(file is null ? "retire" : "set the policy of")} {origin}) is in deliberation.",
                new JsonObject { ["proposal"] = id.ToString(), ["documentHash"] = pinned.Hash.ToString() });
        });
        return command;
    }

    private static Argument<string> NameArgument() => new("name") { Description = "The name in its zone, e.g. alice.forum.internal" };

    private static Option<string[]> RecordOption() => new("--record")
    {
        Description = "A record as '[owner] [ttl] TYPE data' (owner relative to the name, '@' or none for the name itself), e.g. 'www 300 A 192.0.2.1'; repeat for each",
        HelpName = "record",
    };

    private static Option<uint> TtlOption() => new("--ttl") { Description = "TTL of records that give none, in seconds", DefaultValueFactory = _ => 300 };

    private static NameRecord[] Records(ParseResult parse, Option<string[]> records, Option<uint> ttl, string zone) =>
        [.. (parse.GetValue(records) ?? []).Select(line => NameArguments.Record(line, zone, parse.GetValue(ttl), "--record"))];

    private static Command Register(CliApp app, TxOptions options)
    {
        var (name, records, ttl) = (NameArgument(), RecordOption(), TtlOption());
        var command = new Command("name-register", "Register a free name in a zone with its first records; you hold it for the zone's registration period") { name, records, ttl };
        TxSender.Bind(app, command, options, (_, parse) =>
        {
            var (zone, label) = NameArguments.Name(parse.GetValue(name), "name");
            var message = new RegisterName(zone, label, Records(parse, records, ttl, zone));
            return new TxPlan(message, $"You hold {label}.{zone}. Check it: roundtable query name {label}.{zone}", new JsonObject { ["name"] = label + "." + zone });
        });
        return command;
    }

    private static Command Update(CliApp app, TxOptions options)
    {
        var (name, records, ttl) = (NameArgument(), RecordOption(), TtlOption());
        var command = new Command("name-update", "Replace every record of a name you hold (no --record takes it off the air but keeps it yours)") { name, records, ttl };
        TxSender.Bind(app, command, options, (_, parse) =>
        {
            var (zone, label) = NameArguments.Name(parse.GetValue(name), "name");
            var message = new UpdateName(zone, label, Records(parse, records, ttl, zone));
            return new TxPlan(message, $"{label}.{zone} now publishes {message.Records.Count} record(s).");
        });
        return command;
    }

    private static Command Transfer(CliApp app, TxOptions options)
    {
        var name = NameArgument();
        var to = new Option<string>("--to") { Description = "Id of the member you offer the name to; it changes hands when they accept", Required = true };
        var command = new Command("name-transfer", "Offer a name you hold to another member") { name, to };
        TxSender.Bind(app, command, options, (_, parse) =>
        {
            var (zone, label) = NameArguments.Name(parse.GetValue(name), "name");
            var recipient = TxArguments.MemberId(parse.GetValue(to), "--to");
            return new TxPlan(new TransferName(zone, label, recipient), $"Offered {label}.{zone} to {recipient}; they accept with: roundtable tx name-accept {label}.{zone}");
        });
        return command;
    }

    private static Command Accept(CliApp app, TxOptions options)
    {
        var name = NameArgument();
        var command = new Command("name-accept", "Accept a name offered to you; you become its holder") { name };
        TxSender.Bind(app, command, options, (_, parse) =>
        {
            var (zone, label) = NameArguments.Name(parse.GetValue(name), "name");
            return new TxPlan(new AcceptName(zone, label), $"You hold {label}.{zone}.");
        });
        return command;
    }

    private static Command Renew(CliApp app, TxOptions options)
    {
        var name = NameArgument();
        var command = new Command("name-renew", "Extend a name you hold by one registration period (also during its grace after expiry)") { name };
        TxSender.Bind(app, command, options, (_, parse) =>
        {
            var (zone, label) = NameArguments.Name(parse.GetValue(name), "name");
            return new TxPlan(new RenewName(zone, label), $"Renewed {label}.{zone}.");
        });
        return command;
    }
}
