using System.CommandLine;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Roundtable.Cli.Api;
using Roundtable.Cli.Infrastructure;
using Roundtable.Cli.Keys;
using Roundtable.Cli.Names;
using Roundtable.Core.Crypto;
using Roundtable.Core.Hashing;
using Roundtable.Ledger.Messages.Disputes;

namespace Roundtable.Cli.Tx;

/// <summary>
/// Disputes: volunteer as an arbitrator, file a dispute, declare a conflict, make a statement, sign
/// and record a panel's decision, appeal it, carry out its remedy (docs/disputes.md).
/// </summary>
internal static class DisputeTxs
{
    public static IEnumerable<Command> All(CliApp app, TxOptions options) =>
        [Volunteer(app, options), File(app, options), Conflict(app, options), Statement(app, options), Sign(app, options), Decide(app, options), Appeal(app, options), Execute(app, options)];

    private static Argument<string> DisputeArgument() => new("dispute") { Description = "The dispute's id (64 hex characters)" };

    private static Option<string[]> EvidenceOption() => new("--evidence")
    {
        Description = "A document given as evidence: only its SHA-256 goes on chain, the file stays with you; repeat for each",
        HelpName = "file",
    };

    private static Hash256 DisputeId(ParseResult parse, Argument<string> argument) =>
        Hash256.TryParse(parse.GetValue(argument), out var id) ? id : throw new CliException("the dispute id is 64 hex characters.", "usage");

    private static Hash256[] Evidence(ParseResult parse, Option<string[]> option) =>
        [.. (parse.GetValue(option) ?? []).Select(path => System.IO.File.Exists(path)
            ? Hash256.FromBytes(SHA256.HashData(System.IO.File.ReadAllBytes(path)))
            : throw new CliException($"--evidence '{path}': no such file.", "usage")).Distinct().Order()];

    private static Command Volunteer(CliApp app, TxOptions options)
    {
        var leave = new Option<bool>("--leave") { Description = "Leave the roster instead of joining it" };
        var command = new Command("dispute-volunteer", "Join the roster of volunteer arbitrators from which dispute panels are drawn (or leave it)") { leave };
        TxSender.Bind(app, command, options, (_, parse) => new TxPlan(
            new VolunteerAsArbitrator(!parse.GetValue(leave)),
            parse.GetValue(leave) ? "You left the roster of arbitrators." : "You are on the roster of arbitrators; a panel may draw you."));
        return command;
    }

    private static Command File(CliApp app, TxOptions options)
    {
        var name = new Option<string?>("--name") { Description = "A disputed name, e.g. shop.forum.internal" };
        var anchor = new Option<string?>("--anchor") { Description = "A disputed anchor's digest" };
        var member = new Option<string?>("--member") { Description = "A disputed member record's id" };
        var decision = new Option<string?>("--decision") { Description = "A disputed executed proposal's id" };
        var claim = new Option<string>("--claim") { Description = "Your claim, in plain words (up to 2,000 bytes)", Required = true };
        var evidence = EvidenceOption();
        var command = new Command("dispute-file", "File a dispute about a name, an anchor, a member record or an executed decision; a panel is drawn two blocks later")
        {
            name, anchor, member, decision, claim, evidence,
        };
        TxSender.Bind(app, command, options, (build, parse) =>
        {
            var given = new[] { parse.GetValue(name), parse.GetValue(anchor), parse.GetValue(member), parse.GetValue(decision) };
            if (given.Count(g => g is not null) != 1)
            {
                throw new CliException("give exactly one of --name, --anchor, --member or --decision.", "usage");
            }

            var subject = parse.GetValue(name) is { } n
                ? NameSubject(n)
                : parse.GetValue(anchor) is { } a ? DisputeSubject.OfAnchor(Hash(a, "--anchor"))
                : parse.GetValue(member) is { } m ? DisputeSubject.OfMember(TxArguments.MemberId(m, "--member"))
                : DisputeSubject.OfDecision(Hash(parse.GetValue(decision)!, "--decision"));
            var claimant = TxArguments.MemberId(build.Account.OptionalString("memberId"), "memberId");
            var id = Ledger.Messages.Disputes.DisputeId.For(claimant, build.Account.UInt64("nextSequence"));
            return new TxPlan(
                new FileDispute(subject, parse.GetValue(claim)!, Evidence(parse, evidence)),
                $"Dispute {id} is filed; its panel is drawn in two blocks. Follow it: roundtable query dispute {id}",
                new JsonObject { ["dispute"] = id.ToString() });
        });
        return command;
    }

    private static DisputeSubject NameSubject(string text)
    {
        var (zone, label) = NameArguments.Name(text, "--name");
        return DisputeSubject.OfName(zone, label);
    }

    private static Hash256 Hash(string text, string option) =>
        Hash256.TryParse(text, out var hash) ? hash : throw new CliException($"{option} is 64 hex characters.", "usage");

    private static Command Conflict(CliApp app, TxOptions options)
    {
        var dispute = DisputeArgument();
        var command = new Command("dispute-conflict", "Declare a conflict of interest in a dispute: you are not drawn, or are replaced on its panel") { dispute };
        TxSender.Bind(app, command, options, (_, parse) => new TxPlan(new DeclareConflict(DisputeId(parse, dispute)), "Your conflict is recorded."));
        return command;
    }

    private static Command Statement(CliApp app, TxOptions options)
    {
        var dispute = DisputeArgument();
        var text = new Option<string>("--text") { Description = "Your statement (up to 4,000 bytes)", Required = true };
        var evidence = EvidenceOption();
        var command = new Command("dispute-statement", "As claimant or respondent, make a statement while the statement phase is open") { dispute, text, evidence };
        TxSender.Bind(app, command, options, (_, parse) =>
            new TxPlan(new SubmitStatement(DisputeId(parse, dispute), parse.GetValue(text)!, Evidence(parse, evidence)), "Your statement is on record."));
        return command;
    }

    /// <summary>The options that say what a decision orders and why; signers and submitter must give the same.</summary>
    private sealed record DecisionOptions(Option<string> Remedy, Option<string?> To, Option<ulong> DurationDays, Option<string> Rationale)
    {
        public static DecisionOptions Create() => new(
            new Option<string>("--remedy") { Description = "order-nothing, transfer-name, suspend-name, revoke-anchor or suspend-voting", Required = true },
            new Option<string?>("--to") { Description = "For transfer-name: the member who receives the name" },
            new Option<ulong>("--duration-days") { Description = "For a suspension: how many days it lasts" },
            new Option<string>("--rationale") { Description = "The panel's reasons (up to 4,000 bytes); every signer signs the same text", Required = true });

        public IEnumerable<Option> All => [Remedy, To, DurationDays, Rationale];

        public DisputeDecision Decision(string chainId, Hash256 dispute, ParseResult parse)
        {
            var name = parse.GetValue(Remedy)!;
            var remedy = Ledger.Messages.Disputes.Remedy.Parse(name) switch
            {
                RemedyKind.OrderNothing => Ledger.Messages.Disputes.Remedy.Nothing,
                RemedyKind.RevokeAnchor => Ledger.Messages.Disputes.Remedy.Revoke,
                RemedyKind.TransferName => Ledger.Messages.Disputes.Remedy.Transfer(TxArguments.MemberId(parse.GetValue(To), "--to")),
                { } kind when parse.GetValue(DurationDays) is > 0 and var days => Ledger.Messages.Disputes.Remedy.Suspend(kind, checked(days * 86_400_000)),
                not null => throw new CliException("a suspension needs --duration-days (at least 1).", "usage"),
                null => throw new CliException($"--remedy '{name}' is not one of order-nothing, transfer-name, suspend-name, revoke-anchor, suspend-voting.", "usage"),
            };
            return new DisputeDecision(chainId, dispute, remedy, parse.GetValue(Rationale)!);
        }
    }

    private static Command Sign(CliApp app, TxOptions options)
    {
        var dispute = DisputeArgument();
        var decision = DecisionOptions.Create();
        var chain = new Option<string>("--chain-id") { Description = "The chain's id (see 'roundtable status')", Required = true };
        var command = new Command("dispute-sign", "As a panelist, sign a decision without sending anything: prints the signature for the panelist who records it (--signature)") { dispute, chain };
        foreach (var option in decision.All)
        {
            command.Options.Add(option);
        }

        app.SetAction(command, (context, parse, _) =>
        {
            var keyName = parse.GetValue(options.Key) ?? throw new CliException("--key NAME is required: your keyring key.", "usage");
            using var key = KeyringOption.Open(context, parse, options.Keyring).Load(keyName);
            var signature = decision.Decision(parse.GetValue(chain)!, DisputeId(parse, dispute), parse).SignWith(key);
            context.WriteJson(new JsonObject { ["key"] = signature.Key.ToString(), ["signature"] = Convert.ToHexStringLower(signature.Signature.Encoded) });
            return Task.FromResult(CliApp.Ok);
        });
        return command;
    }

    private static Command Decide(CliApp app, TxOptions options)
    {
        var dispute = DisputeArgument();
        var decision = DecisionOptions.Create();
        var cosigners = new Option<string[]>("--cosigner") { Description = "Another panelist's key in this keyring that signs too; repeat for each", HelpName = "key" };
        var signatures = new Option<string[]>("--signature") { Description = "A file with a panelist's signature from 'dispute-sign'; repeat for each", HelpName = "file" };
        var command = new Command("dispute-decide", "As a panelist, record the panel's decision with the signatures of a majority of the panel (yours included)") { dispute, cosigners, signatures };
        foreach (var option in decision.All)
        {
            command.Options.Add(option);
        }

        TxSender.Bind(app, command, options, (build, parse) =>
        {
            var signed = decision.Decision(build.ChainId, DisputeId(parse, dispute), parse);
            var all = new List<PanelSignature> { signed.SignWith(build.Signer) };
            foreach (var name in parse.GetValue(cosigners) ?? [])
            {
                using var key = build.Keyring.Load(name);
                all.Add(signed.SignWith(key));
            }

            all.AddRange((parse.GetValue(signatures) ?? []).Select(ReadSignature));
            return new TxPlan(
                new DecideDispute(signed.Dispute, signed.Remedy, signed.Rationale, all),
                $"The decision is recorded with {all.Count} signature(s); the appeal window is open.",
                new JsonObject { ["decision"] = signed.Digest.ToString() });
        });
        return command;
    }

    private static PanelSignature ReadSignature(string path)
    {
        try
        {
            var json = JsonNode.Parse(System.IO.File.ReadAllText(path))!;
            return PublicKey.TryParse((string?)json["key"], out var key) && key is not null && Signature.TryParse((string?)json["signature"], out var signature) && signature is not null
                ? new PanelSignature(key, signature)
                : throw new CliException($"--signature '{path}' needs \"key\" and \"signature\" in hex, as 'dispute-sign' writes them.", "usage");
        }
        catch (Exception e) when (e is IOException or System.Text.Json.JsonException)
        {
            throw new CliException($"--signature '{path}': {e.Message}", "usage");
        }
    }

    private static Command Appeal(CliApp app, TxOptions options)
    {
        var dispute = DisputeArgument();
        var reason = new Option<string>("--reason") { Description = "Why you appeal (up to 500 bytes)", Required = true };
        var command = new Command("dispute-appeal", "As claimant or respondent, appeal a decision within its window: a balanced vote decides whether the remedy executes") { dispute, reason };
        TxSender.Bind(app, command, options, (_, parse) =>
            new TxPlan(new AppealDecision(DisputeId(parse, dispute), parse.GetValue(reason)!), "Your appeal is filed; the balanced vote opens with the next block."));
        return command;
    }

    private static Command Execute(CliApp app, TxOptions options)
    {
        var dispute = DisputeArgument();
        var command = new Command("dispute-execute", "Carry out a decided remedy once the appeal window has closed (or the appeal vote upheld it); any member may") { dispute };
        TxSender.Bind(app, command, options, (_, parse) => new TxPlan(new ExecuteRemedy(DisputeId(parse, dispute)), "The remedy is carried out."));
        return command;
    }
}
