using System.CommandLine;
using System.Text.Json.Nodes;
using Roundtable.Cli.Api;
using Roundtable.Cli.Infrastructure;
using Roundtable.Application.Governance.Proposals;
using Roundtable.Core.Encoding;
using Roundtable.Ledger.Messages.Governance;

namespace Roundtable.Cli.Tx;

/// <summary>Assessments: propose one against an adopted criteria list, and grade it.</summary>
internal static class AssessmentTxs
{
    public static IEnumerable<Command> All(CliApp app, TxOptions options) => [Propose(app, options), Grade(app, options)];

    private static Command Propose(CliApp app, TxOptions options)
    {
        var title = new Option<string>("--title") { Description = "The assessment's title", Required = true };
        var document = new Option<string?>("--document") { Description = "A Markdown file to pin on chain: what is assessed and how (up to 64 KiB)" };
        var uri = new Option<string?>("--document-uri") { Description = "Where an external document is published (with --document-hash)" };
        var hash = new Option<string?>("--document-hash") { Description = "SHA-256 of the external document" };
        var subject = new Option<string>("--subject") { Description = "Digest of the anchored document describing the initiative (see 'roundtable query anchor')", Required = true };
        var list = new Option<string>("--criteria-list") { Description = "Id of the passed recommendation that adopted the criteria", Required = true };
        var criteria = new Option<string[]>("--criterion") { Description = "A criterion, as the recommendation names it (2-32; repeat, in order)", Required = true, HelpName = "name" };
        var grades = new Option<string[]>("--grade") { Description = "A grade of the scale, worst first (3-7; repeat), e.g. --grade poor --grade fair --grade good", Required = true, HelpName = "name" };
        var secret = new Option<bool>("--secret") { Description = "Grade by commit-reveal secret ballot" };
        var command = new Command("assessment-propose", "Propose an assessment of an anchored initiative against the criteria a passed recommendation adopted; electors grade each criterion, majority judgment gives the result")
        {
            title, document, uri, hash, subject, list, criteria, grades, secret,
        };
        TxSender.Bind(app, command, options, (build, parse) =>
        {
            var pinned = GovernanceTxs.Document(parse.GetValue(document), parse.GetValue(uri), parse.GetValue(hash));
            var action = new Assessment(
                GovernanceTxs.Hash(parse, subject, "--subject"), GovernanceTxs.Hash(parse, list, "--criteria-list"), parse.GetValue(criteria) ?? [], parse.GetValue(grades) ?? []);
            RequireEncodable(action);
            var author = TxArguments.MemberId(build.Account.OptionalString("memberId"), "memberId");
            var id = ProposalId.For(author, build.Account.UInt64("nextSequence"));
            return new TxPlan(
                new SubmitProposal(parse.GetValue(title)!, pinned, action, default, parse.GetValue(secret)),
                $"Assessment {id} is in deliberation; its document hash is {pinned.Hash}. Grade it once voting opens: roundtable tx assessment-grade --proposal {id} --document-hash {pinned.Hash} --grades …",
                new JsonObject { ["proposal"] = id.ToString(), ["documentHash"] = pinned.Hash.ToString() });
        });
        return command;
    }

    private static Command Grade(CliApp app, TxOptions options)
    {
        var (proposal, document) = (GovernanceTxs.ProposalOption(), GovernanceTxs.DocumentHashOption());
        var grades = new Option<string>("--grades") { Description = "A grade number for each criterion in order, 0 = the worst grade, e.g. 2,4,1", Required = true };
        var command = new Command("assessment-grade", "Grade each criterion of an assessment (a later ballot replaces yours until voting closes)") { proposal, document, grades };
        TxSender.Bind(app, command, options, (_, parse) =>
            new TxPlan(
                GovernanceMessages.Vote(
                    GovernanceTxs.Proposal(parse, proposal), GovernanceTxs.Hash(parse, document, "--document-hash"), GradeArgument.Parse(parse.GetValue(grades)!, "--grades")),
                "Grades recorded; a later ballot replaces them until voting closes."));
        return command;
    }

    /// <summary>Refuses, before signing, an assessment the ledger would not decode (too few or too many names, repeats, lengths).</summary>
    private static void RequireEncodable(Assessment action)
    {
        try
        {
            var writer = new CanonicalWriter();
            action.Encode(writer);
            var reader = new CanonicalReader(writer.ToArray());
            ProposalAction.Decode(ref reader);
        }
        catch (DecodeException e)
        {
            throw new CliException("the assessment is not valid: " + e.Message, "invalid-argument");
        }
    }
}
