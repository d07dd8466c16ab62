using System.CommandLine;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Roundtable.Application.Governance.Tallying;
using Roundtable.Cli.Api;
using Roundtable.Cli.Infrastructure;
using Roundtable.Core.Hashing;
using Roundtable.Ledger.Messages.Governance;

namespace Roundtable.Cli.Tx;

/// <summary>Governance transactions: propose, deliberate, sponsor, withdraw, vote (open or secret), and the consensus chair's and objectors' steps.</summary>
internal static class GovernanceTxs
{
    public static IEnumerable<Command> All(CliApp app, TxOptions options) =>
    [
        Propose(app, options), Comment(app, options), Amend(app, options), ResolveAmendment(app, options),
        Simple(app, options, "sponsor", "Sponsor a proposal in deliberation (it needs sponsors to reach a vote)", id => new SponsorProposal(id), "You sponsor proposal {0}."),
        Simple(app, options, "withdraw", "Withdraw your proposal before voting opens", id => new WithdrawProposal(id), "Withdrew proposal {0}."),
        Vote(app, options), CommitVote(app, options), RevealVote(app, options), Rule(app, options), Call(app, options), Appeal(app, options),
    ];

    private static Command Propose(CliApp app, TxOptions options)
    {
        var title = new Option<string>("--title") { Description = "The proposal's title", Required = true };
        var document = new Option<string?>("--document") { Description = "A Markdown file to pin on chain (up to 64 KiB)" };
        var uri = new Option<string?>("--document-uri") { Description = "Where an external document is published (with --document-hash)" };
        var hash = new Option<string?>("--document-hash") { Description = "SHA-256 of the external document" };
        var action = new ProposalActionOptions();
        var chair = new Option<string?>("--chair") { Description = "Member id of the chair of a consensus decision (default: you)" };
        var secret = new Option<bool>("--secret") { Description = "Vote by commit-reveal secret ballot" };
        var command = new Command("propose", "Submit a proposal: a recommendation (default), a best-practice selection (--option), an anchor withdrawal (--kind anchor-withdrawal) or another kind (--action)")
        {
            title, document, uri, hash, chair, secret,
        };
        action.AddTo(command);
        TxSender.Bind(app, command, options, (build, parse) =>
        {
            var pinned = Document(parse.GetValue(document), parse.GetValue(uri), parse.GetValue(hash));
            var what = action.Build(parse);
            var chairId = parse.GetValue(chair) is { } c ? TxArguments.MemberId(c, "--chair") : default;
            var author = TxArguments.MemberId(build.Account.OptionalString("memberId"), "memberId");
            var id = ProposalId.For(author, build.Account.UInt64("nextSequence"));
            return new TxPlan(
                new SubmitProposal(parse.GetValue(title)!, pinned, what, chairId, parse.GetValue(secret)),
                $"Proposal {id} is in deliberation; its document hash is {pinned.Hash}.",
                new JsonObject { ["proposal"] = id.ToString(), ["documentHash"] = pinned.Hash.ToString() });
        });
        return command;
    }

    private static Command Comment(CliApp app, TxOptions options)
    {
        var (proposal, text) = (ProposalOption(), new Option<string>("--text") { Description = "The comment", Required = true });
        var command = new Command("comment", "Comment on a proposal") { proposal, text };
        TxSender.Bind(app, command, options, (_, parse) =>
            new TxPlan(new CommentOnProposal(Proposal(parse, proposal), parse.GetValue(text)!), "Comment recorded."));
        return command;
    }

    private static Command Amend(CliApp app, TxOptions options)
    {
        var proposal = ProposalOption();
        var document = new Option<string>("--document") { Description = "The amended Markdown file, in full", Required = true };
        var rationale = new Option<string>("--rationale") { Description = "Why", Required = true };
        var command = new Command("amend", "Propose an amended document; the author accepts or rejects it") { proposal, document, rationale };
        TxSender.Bind(app, command, options, (_, parse) =>
        {
            var pinned = Document(parse.GetValue(document), null, null);
            return new TxPlan(new ProposeAmendment(Proposal(parse, proposal), pinned, parse.GetValue(rationale)!), $"Amendment recorded (document hash {pinned.Hash}).");
        });
        return command;
    }

    private static Command ResolveAmendment(CliApp app, TxOptions options)
    {
        var proposal = ProposalOption();
        var number = new Option<uint>("--amendment") { Description = "The amendment's number (0 for the first)", Required = true };
        var accept = new Option<bool>("--accept") { Description = "Accept: the amended document becomes the pinned one" };
        var reject = new Option<bool>("--reject") { Description = "Reject" };
        var command = new Command("resolve-amendment", "As the author, accept or reject an amendment") { proposal, number, accept, reject };
        TxSender.Bind(app, command, options, (_, parse) =>
        {
            var accepted = Either(parse, accept, reject, "--accept or --reject");
            return new TxPlan(new Ledger.Messages.Governance.ResolveAmendment(Proposal(parse, proposal), parse.GetValue(number), accepted), accepted ? "Amendment accepted." : "Amendment rejected.");
        });
        return command;
    }

    private static Command Vote(CliApp app, TxOptions options)
    {
        var (proposal, document, ballot) = (ProposalOption(), DocumentHashOption(), new BallotOptions());
        var command = new Command("vote", "Cast (or replace) your ballot; it binds to the document hash you read") { proposal, document };
        ballot.AddTo(command);
        TxSender.Bind(app, command, options, (_, parse) =>
            new TxPlan(new CastVote(Proposal(parse, proposal), Hash(parse, document, "--document-hash"), ballot.Encode(parse)), "Ballot recorded; a later ballot replaces it until voting closes."));
        return command;
    }

    private static Command CommitVote(CliApp app, TxOptions options)
    {
        var (proposal, document, ballot) = (ProposalOption(), DocumentHashOption(), new BallotOptions());
        var command = new Command("commit-vote", "Commit to a secret ballot; keep the printed salt to reveal it") { proposal, document };
        ballot.AddTo(command);
        TxSender.Bind(app, command, options, (build, parse) =>
        {
            var id = Proposal(parse, proposal);
            var voter = TxArguments.MemberId(build.Account.OptionalString("memberId"), "memberId");
            var salt = RandomNumberGenerator.GetBytes(Ledger.Messages.Governance.RevealVote.SaltSize);
            var commitment = BallotCommitment.Compute(id, voter, ballot.Encode(parse), salt);
            var saltHex = Convert.ToHexStringLower(salt);
            return new TxPlan(
                new Ledger.Messages.Governance.CommitVote(id, Hash(parse, document, "--document-hash"), commitment),
                $"Commitment recorded. Reveal it after voting closes with the same ballot and --salt {saltHex}",
                new JsonObject { ["salt"] = saltHex });
        });
        return command;
    }

    private static Command RevealVote(CliApp app, TxOptions options)
    {
        var (proposal, ballot) = (ProposalOption(), new BallotOptions());
        var salt = new Option<string>("--salt") { Description = "The salt printed by commit-vote (64 hex characters)", Required = true };
        var command = new Command("reveal-vote", "Reveal your committed ballot during the reveal period") { proposal, salt };
        ballot.AddTo(command);
        TxSender.Bind(app, command, options, (_, parse) =>
        {
            var bytes = Hash256.TryParse(parse.GetValue(salt), out var s) ? s.ToArray() : throw new CliException("--salt is 64 hex characters.", "invalid-argument");
            return new TxPlan(new Ledger.Messages.Governance.RevealVote(Proposal(parse, proposal), ballot.Encode(parse), bytes), "Ballot revealed; it counts.");
        });
        return command;
    }

    private static Command Rule(CliApp app, TxOptions options)
    {
        var proposal = ProposalOption();
        var objector = new Option<string>("--objector") { Description = "Member id of the objector", Required = true };
        var digest = new Option<string>("--objection-digest") { Description = "The objection's digest (see 'roundtable query proposal')", Required = true };
        var addressed = new Option<bool>("--addressed") { Description = "The objection has been addressed" };
        var notAddressed = new Option<bool>("--not-addressed") { Description = "The objection stands" };
        var rationale = new Option<string?>("--rationale") { Description = "How it was addressed (required with --addressed)" };
        var command = new Command("rule", "As the chair, rule on an objection in a consensus decision") { proposal, objector, digest, addressed, notAddressed, rationale };
        TxSender.Bind(app, command, options, (_, parse) =>
            new TxPlan(
                new RuleOnObjection(Proposal(parse, proposal), TxArguments.MemberId(parse.GetValue(objector), "--objector"), Hash(parse, digest, "--objection-digest"),
                    Either(parse, addressed, notAddressed, "--addressed or --not-addressed"), parse.GetValue(rationale) ?? string.Empty),
                "Ruling recorded."));
        return command;
    }

    private static Command Call(CliApp app, TxOptions options)
    {
        var proposal = ProposalOption();
        var consensus = new Option<bool>("--consensus") { Description = "Rough consensus has been reached" };
        var none = new Option<bool>("--no-consensus") { Description = "It has not" };
        var rationale = new Option<string>("--rationale") { Description = "Why", Required = true };
        var command = new Command("call", "As the chair, make the consensus call after the vote closed") { proposal, consensus, none, rationale };
        TxSender.Bind(app, command, options, (_, parse) =>
            new TxPlan(new CallConsensus(Proposal(parse, proposal), Either(parse, consensus, none, "--consensus or --no-consensus"), parse.GetValue(rationale)!), "Call recorded."));
        return command;
    }

    private static Command Appeal(CliApp app, TxOptions options)
    {
        var (proposal, reason) = (ProposalOption(), new Option<string>("--reason") { Description = "Why the call is wrong", Required = true });
        var command = new Command("appeal", "As an objector, appeal the chair's consensus call: a balanced vote on the call opens") { proposal, reason };
        TxSender.Bind(app, command, options, (_, parse) =>
            new TxPlan(new AppealCall(Proposal(parse, proposal), parse.GetValue(reason)!), "Appeal recorded; members vote on the call with 'roundtable tx vote --choice yes|no'."));
        return command;
    }

    private static Command Simple(CliApp app, TxOptions options, string name, string description, Func<Hash256, Ledger.Messages.TxMessage> message, string note)
    {
        var proposal = ProposalOption();
        var command = new Command(name, description) { proposal };
        TxSender.Bind(app, command, options, (_, parse) =>
        {
            var id = Proposal(parse, proposal);
            return new TxPlan(message(id), string.Format(System.Globalization.CultureInfo.InvariantCulture, note, id));
        });
        return command;
    }

    internal static Option<string> ProposalOption() => new("--proposal") { Description = "The proposal id (64 hex characters)", Required = true };

    internal static Option<string> DocumentHashOption() => new("--document-hash") { Description = "The hash of the document you read (see 'roundtable query proposal')", Required = true };

    internal static Hash256 Proposal(ParseResult parse, Option<string> option) => Hash(parse, option, "--proposal");

    internal static Hash256 Hash(ParseResult parse, Option<string> option, string name) =>
        Hash256.TryParse(parse.GetValue(option)?.Trim(), out var hash) ? hash : throw new CliException($"{name} is 64 hex characters.", "invalid-argument");

    private static bool Either(ParseResult parse, Option<bool> yes, Option<bool> no, string what) =>
        parse.GetValue(yes) != parse.GetValue(no) ? parse.GetValue(yes) : throw new CliException($"give exactly one of {what}.", "usage");

    /// <summary>The pinned document of a proposal from --document FILE, or --document-uri with --document-hash.</summary>
    internal static ProposalDocument Document(string? file, string? uri, string? hash)
    {
        try
        {
            if (file is not null)
            {
                return uri is null && hash is null
                    ? ProposalDocument.Inline(File.ReadAllText(file))
                    : throw new CliException("give --document FILE, or --document-uri with --document-hash.", "usage");
            }

            return uri is not null && Hash256.TryParse(hash, out var h)
                ? ProposalDocument.External(h, uri)
                : throw new CliException("give --document FILE, or --document-uri with --document-hash (64 hex characters).", "usage");
        }
        catch (Exception e) when (e is IOException or ArgumentException or UnauthorizedAccessException)
        {
            throw new CliException("the document cannot be used: " + e.Message, "invalid-argument");
        }
    }
}
