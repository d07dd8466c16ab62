using System.CommandLine;
using System.Text.Json.Nodes;
using Roundtable.Cli.Infrastructure;
using Roundtable.Cli.Names;
using Roundtable.Ledger.Messages.Names;
using Roundtable.Ledger.Names;

namespace Roundtable.Cli.Tx;

/// <summary>Names in co-governed zones: register, update records, offer, accept, renew.</summary>
internal static class NameTxs
{
    public static IEnumerable<Command> All(CliApp app, TxOptions options) => [Register(app, options), Update(app, options), Transfer(app, options), Accept(app, options), Renew(app, options)];

    private static Argument<string> NameArgument() => new("name") { Description = "The name in its zone, e.g. alice.forum.internal" };

    private static Option<string[]> RecordOption() => new("--record")
    {
        Description = "A record as '[owner] [ttl] TYPE data' (owner relative to the name, none for the name itself), e.g. 'www 300 A 192.0.2.1'; repeat for each",
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
