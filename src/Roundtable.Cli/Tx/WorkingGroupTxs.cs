using System.CommandLine;
using System.Text.Json.Nodes;
using Roundtable.Cli.Api;
using Roundtable.Cli.Infrastructure;
using Roundtable.Core.Hashing;
using Roundtable.Ledger.Messages.WorkingGroups;

namespace Roundtable.Cli.Tx;

/// <summary>Working-group transactions: create, join, leave, add a member, add a deliverable, conclude.</summary>
internal static class WorkingGroupTxs
{
    public static IEnumerable<Command> All(CliApp app, TxOptions options) =>
    [
        Create(app, options),
        OnGroup(app, options, "wg-join", "Join an active working group", id => new JoinWorkingGroup(id), "Joined the working group."),
        OnGroup(app, options, "wg-leave", "Leave a working group (the leader cannot)", id => new LeaveWorkingGroup(id), "Left the working group."),
        AddMember(app, options),
        Deliverable(app, options),
        OnGroup(app, options, "wg-conclude", "As the leader, conclude the working group: its work is done", id => new ConcludeWorkingGroup(id), "The working group is concluded."),
    ];

    private static Option<string> GroupOption() => new("--group") { Description = "The working group id", Required = true };

    private static Hash256 Group(ParseResult parse, Option<string> group) => SessionArguments.Id(parse.GetValue(group), "--group", "working group");

    private static Command Create(CliApp app, TxOptions options)
    {
        var name = new Option<string>("--name") { Description = "The group's name", Required = true };
        var charterFile = new Option<string?>("--charter-file") { Description = "A Markdown charter to hold on chain (up to 16 KiB)" };
        var charterHash = new Option<string?>("--charter-hash") { Description = "SHA-256 of a charter kept elsewhere (64 hex characters)" };
        var sunset = new Option<string>("--sunset") { Description = "Sunset date, e.g. 2027-06-30T00:00:00Z: the group is marked sunset then", Required = true };
        var command = new Command("wg-create", "Create a working group that you lead") { name, charterFile, charterHash, sunset };
        TxSender.Bind(app, command, options, (build, parse) =>
        {
            var (file, hash) = (parse.GetValue(charterFile), parse.GetValue(charterHash));
            if ((file is null) == (hash is null))
            {
                throw new CliException("give exactly one of --charter-file PATH or --charter-hash HEX.", "usage");
            }

            var charter = file is not null
                ? Charter.Inline(File.Exists(file) ? File.ReadAllText(file) : throw new CliException($"--charter-file '{file}' does not exist.", "invalid-argument"))
                : Charter.External(SessionArguments.Id(hash, "--charter-hash", "document hash"));
            var groupId = CreateWorkingGroup.IdFor(MemberTxs.RequireMember(build), build.Account.UInt64("nextSequence")).ToString();
            return new TxPlan(
                new CreateWorkingGroup(parse.GetValue(name)!, charter, SessionArguments.Time(parse.GetValue(sunset), "--sunset")),
                $"Created working group {groupId}.",
                new JsonObject { ["workingGroupId"] = groupId });
        });
        return command;
    }

    private static Command OnGroup(CliApp app, TxOptions options, string name, string description, Func<Hash256, Ledger.Messages.TxMessage> message, string note)
    {
        var group = GroupOption();
        var command = new Command(name, description) { group };
        TxSender.Bind(app, command, options, (_, parse) => new TxPlan(message(Group(parse, group)), note));
        return command;
    }

    private static Command AddMember(CliApp app, TxOptions options)
    {
        var group = GroupOption();
        var member = new Option<string>("--member") { Description = "The member to add", Required = true };
        var command = new Command("wg-add-member", "As the leader, add a member to the working group") { group, member };
        TxSender.Bind(app, command, options, (_, parse) =>
            new TxPlan(new AddWorkingGroupMember(Group(parse, group), TxArguments.MemberId(parse.GetValue(member), "--member")), "Member added."));
        return command;
    }

    private static Command Deliverable(CliApp app, TxOptions options)
    {
        var group = GroupOption();
        var proposal = new Option<string>("--proposal") { Description = "The proposal id the deliverable is", Required = true };
        var title = new Option<string>("--title") { Description = "The deliverable's title", Required = true };
        var command = new Command("wg-deliverable", "As the leader, record a deliverable: a governance proposal") { group, proposal, title };
        TxSender.Bind(app, command, options, (_, parse) =>
            new TxPlan(new AddDeliverable(Group(parse, group), SessionArguments.Id(parse.GetValue(proposal), "--proposal", "proposal"), parse.GetValue(title)!), "Deliverable recorded."));
        return command;
    }
}
