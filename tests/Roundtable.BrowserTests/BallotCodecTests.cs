using Roundtable.Application.Governance.Tallying;
using Roundtable.BrowserTests.Support;
using Roundtable.Core.Encoding;
using Roundtable.Core.Hashing;

namespace Roundtable.BrowserTests;

/// <summary>
/// The browser's ballot encoder (ballot-codec.js) against the chain's: the same bytes for every
/// ballot form, and the same secret-ballot commitment, so a ballot made in the page counts and a
/// sealed one opens. Cases are drawn from a fixed seed; the C# side is the reference.
/// </summary>
[Collection(ChromiumCollection.Name)]
public sealed class BallotCodecTests(Chromium chromium)
{
    private const string Harness = """
        import { encodeChoice, encodeApproval, encodeRanking, encodeStatement, encodeGrades, commitment } from '/__modules/ballot-codec.js';
        const hex = (b) => Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
        const bytes = (h) => Uint8Array.from(h.match(/../g) ?? [], (x) => parseInt(x, 16));
        const attempt = (f) => { try { return hex(f()); } catch (e) { return 'error: ' + e.message; } };
        window.harness = {
          choice: (c) => attempt(() => encodeChoice(c)),
          approval: (options) => attempt(() => encodeApproval(options)),
          ranking: (count, order) => attempt(() => encodeRanking(count, order)),
          statement: (position, reason) => attempt(() => encodeStatement(position, reason)),
          grades: (grades) => attempt(() => encodeGrades(grades)),
          async commitment(proposal, voter, ballot, salt) { return hex(await commitment(bytes(proposal), bytes(voter), bytes(ballot), bytes(salt))); },
        };
        """;

    [Fact]
    public async Task Every_ballot_form_encodes_as_the_chain_encodes_it()
    {
        await using var page = await ModulePage.OpenAsync(chromium.Browser, "https://ballots.invalid", Harness);
        var random = new Random(20261205);

        foreach (var (choice, ballot) in new[] { ("yes", YesNoBallot.Yes), ("no", YesNoBallot.No), ("abstain", YesNoBallot.Abstain) })
        {
            Assert.Equal(Hex(Canonical.ToBytes(ballot)), (string?)await page.CallAsync("choice", choice));
        }

        for (var round = 0; round < 40; round++)
        {
            var count = random.Next(1, 65);
            var approved = Enumerable.Range(0, count).Where(_ => random.Next(3) == 0).ToArray();
            Assert.Equal(Hex(Canonical.ToBytes(ApprovalBallot.Of(approved))), (string?)await page.CallAsync("approval", Shuffled(approved, random)));

            var order = Shuffled(Enumerable.Range(0, count).ToArray(), random).Take(random.Next(0, count + 1)).ToArray();
            Assert.Equal(Hex(Canonical.ToBytes(RankedBallot.FromOrder(count, order))), (string?)await page.CallAsync("ranking", count, order));
        }

        for (var round = 0; round < 20; round++)
        {
            var grades = Enumerable.Range(0, random.Next(1, 33)).Select(_ => random.Next(0, 7)).ToArray();
            Assert.Equal(Hex(Canonical.ToBytes(GradeBallot.Of(grades))), (string?)await page.CallAsync("grades", grades));
        }

        foreach (var reason in new[] { "", "No.", "Les documents qui ne sont pas en anglais ?", "反对：需要翻译", new string('x', 300) })
        {
            Assert.Equal(Hex(Canonical.ToBytes(ConsensusStatement.Supports(reason))), (string?)await page.CallAsync("statement", "support", reason));
            Assert.Equal(Hex(Canonical.ToBytes(ConsensusStatement.StandsAside(reason))), (string?)await page.CallAsync("statement", "stand-aside", reason));
            if (reason.Length > 0)
            {
                Assert.Equal(Hex(Canonical.ToBytes(ConsensusStatement.Objects(reason))), (string?)await page.CallAsync("statement", "object", reason));
            }
        }
    }

    [Fact]
    public async Task A_ballot_the_chain_would_refuse_is_refused_in_the_page_before_it_is_signed()
    {
        await using var page = await ModulePage.OpenAsync(chromium.Browser, "https://ballots.invalid", Harness);

        Assert.StartsWith("error:", (string?)await page.CallAsync("choice", "maybe"), StringComparison.Ordinal);
        Assert.StartsWith("error:", (string?)await page.CallAsync("statement", "object", "   "), StringComparison.Ordinal);
        Assert.StartsWith("error:", (string?)await page.CallAsync("approval", new[] { 64 }), StringComparison.Ordinal);
        Assert.StartsWith("error:", (string?)await page.CallAsync("ranking", 3, new[] { 1, 1 }), StringComparison.Ordinal);
        Assert.StartsWith("error:", (string?)await page.CallAsync("ranking", 2, new[] { 2 }), StringComparison.Ordinal);
        Assert.StartsWith("error:", (string?)await page.CallAsync("grades", Array.Empty<int>()), StringComparison.Ordinal);
        Assert.StartsWith("error:", (string?)await page.CallAsync("grades", new[] { 7 }), StringComparison.Ordinal);
        Assert.StartsWith("error:", (string?)await page.CallAsync("grades", Enumerable.Repeat(0, 33).ToArray()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_sealed_ballot_commitment_matches_the_chain_s()
    {
        await using var page = await ModulePage.OpenAsync(chromium.Browser, "https://ballots.invalid", Harness);
        var random = new Random(7);
        for (var round = 0; round < 10; round++)
        {
            var proposal = Hash256.Compute(BitConverter.GetBytes(round));
            var voter = Hash256.Compute(BitConverter.GetBytes(round + 1000));
            var ballot = Canonical.ToBytes(RankedBallot.FromOrder(3, 2, 0, 1));
            var salt = new byte[32];
            random.NextBytes(salt);

            var expected = BallotCommitment.Compute(proposal, voter, ballot, salt).ToString();
            Assert.Equal(expected, (string?)await page.CallAsync("commitment", proposal.ToString(), voter.ToString(), Hex(ballot), Hex(salt)));
        }
    }

    private static string Hex(byte[] bytes) => Convert.ToHexStringLower(bytes);

    private static int[] Shuffled(int[] items, Random random)
    {
        var copy = (int[])items.Clone();
        random.Shuffle(copy);
        return copy;
    }
}
