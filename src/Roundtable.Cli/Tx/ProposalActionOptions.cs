using System.CommandLine;
using System.Text.Json;
using Roundtable.Cli.Infrastructure;
using Roundtable.Cli.Notary;
using Roundtable.Ledger.Messages.Governance;
using Roundtable.Node.Json;

namespace Roundtable.Cli.Tx;

/// <summary>
/// The options of <c>tx propose</c> that say what a proposal does, and how they become its action:
/// a recommendation by default, a best-practice selection with <c>--option</c>, an anchor withdrawal
/// with <c>--kind anchor-withdrawal</c>, and any kind from the JSON of <c>--action FILE</c>.
/// Options of one kind given with another are refused rather than silently ignored.
/// </summary>
internal sealed class ProposalActionOptions
{
    private const string RecommendationKind = "recommendation";
    private const string BestPracticeKind = "best-practice";
    private const string AnchorWithdrawalKind = "anchor-withdrawal";

    public Option<string?> Kind { get; } = new("--kind")
    {
        Description = $"{RecommendationKind} (default), {BestPracticeKind} (with --option) or {AnchorWithdrawalKind} (with --digest, --reason and optionally --replacement); other kinds come from --action",
    };

    public Option<string[]> Options { get; } = new("--option") { Description = "An option of a best-practice selection (repeat; makes the proposal a selection)" };

    public Option<string?> ActionFile { get; } = new("--action")
    {
        Description = "A JSON file with the action: {\"kind\": \"parameter-change\" | \"validator-change\" | \"software-upgrade\" | \"emergency-pause\" | \"anchor-withdrawal\", ...}",
    };

    public Option<string?> Digest { get; } = new("--digest") { Description = "The anchor to withdraw: its document's SHA-256 (with --kind anchor-withdrawal)" };

    public Option<string?> Replacement { get; } = new("--replacement") { Description = "The anchored document that supersedes it; without it the anchor is revoked" };

    public Option<string?> Reason { get; } = new("--reason") { Description = "Why the anchor is withdrawn, 1-500 bytes (public)" };

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { Kind, Options, ActionFile, Digest, Replacement, Reason })
        {
            command.Options.Add(option);
        }
    }

    public ProposalAction Build(ParseResult parse)
    {
        var options = parse.GetValue(Options) ?? [];
        var kind = parse.GetValue(Kind);
        var namesAnAnchor = new[] { Digest, Replacement, Reason }.Any(o => parse.GetValue(o) is not null);
        if (parse.GetValue(ActionFile) is { } file)
        {
            return kind is null && options.Length == 0 && !namesAnAnchor
                ? ReadAction(file)
                : throw new CliException("--action names the kind and holds the whole action; give it alone, without --kind, --option, --digest, --replacement or --reason.", "usage");
        }

        kind ??= options.Length > 0 ? BestPracticeKind : RecommendationKind;
        if (namesAnAnchor != (kind == AnchorWithdrawalKind))
        {
            throw new CliException($"--kind {AnchorWithdrawalKind} takes --digest and --reason (and --replacement to supersede); no other kind does.", "usage");
        }

        if ((options.Length > 0) != (kind == BestPracticeKind))
        {
            throw new CliException($"--option makes a {BestPracticeKind} selection, and a selection needs its options.", "usage");
        }

        return kind switch
        {
            RecommendationKind => new Recommendation(),
            BestPracticeKind => new BestPracticeSelection(options),
            AnchorWithdrawalKind => Withdrawal(parse),
            _ => throw new CliException($"--kind '{kind}': give {RecommendationKind}, {BestPracticeKind} or {AnchorWithdrawalKind}; other kinds take --action FILE.", "invalid-argument"),
        };
    }

    private AnchorWithdrawal Withdrawal(ParseResult parse)
    {
        var digest = AnchorArguments.Digest(parse.GetValue(Digest), "--digest");
        var replacement = parse.GetValue(Replacement) is { } text ? AnchorArguments.Replacement(text, "--replacement", digest) : (Core.Hashing.Hash256?)null;
        var reason = parse.GetValue(Reason) ?? throw new CliException($"--kind {AnchorWithdrawalKind} needs --reason: why the anchor is withdrawn.", "usage");
        return new AnchorWithdrawal(digest, replacement, reason);
    }

    private static ProposalAction ReadAction(string file)
    {
        try
        {
            using var json = JsonDocument.Parse(File.ReadAllText(file));
            return GovernanceMessageJson.Action(json.RootElement);
        }
        catch (Exception e) when (e is IOException or JsonException or JsonFormException or UnauthorizedAccessException)
        {
            throw new CliException($"--action {file}: {e.Message}", "invalid-argument");
        }
    }
}
