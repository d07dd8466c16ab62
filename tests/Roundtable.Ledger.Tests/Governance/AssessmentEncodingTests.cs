using Roundtable.Core.Encoding;
using Roundtable.Core.Hashing;
using Roundtable.Ledger.Messages.Governance;

namespace Roundtable.Ledger.Tests.Governance;

/// <summary>The assessment action's encoding: what round-trips and what is refused.</summary>
public sealed class AssessmentEncodingTests
{
    private static readonly Hash256 Subject = Hash256.Compute("initiative"u8);
    private static readonly Hash256 CriteriaList = Hash256.Compute("criteria"u8);

    private static ProposalAction RoundTrip(ProposalAction action)
    {
        var writer = new CanonicalWriter();
        action.Encode(writer);
        var reader = new CanonicalReader(writer.ToArray());
        var decoded = ProposalAction.Decode(ref reader);
        reader.EnsureEnd();
        return decoded;
    }

    private static DecodeException Refused(string[] criteria, string[] grades) =>
        Assert.Throws<DecodeException>(() => RoundTrip(new Assessment(Subject, CriteriaList, criteria, grades)));

    [Fact]
    public void An_assessment_round_trips_with_kind_10_its_subject_list_criteria_and_grades_in_order()
    {
        var assessment = new Assessment(Subject, CriteriaList, ["Transparency", "Data protection"], ["poor", "fair", "good"]);
        var writer = new CanonicalWriter();
        assessment.Encode(writer);

        Assert.Equal(10, writer.ToArray()[0]);
        Assert.Equal(assessment, RoundTrip(assessment));
    }

    [Fact]
    public void Fewer_than_two_criteria_or_three_grades_are_refused()
    {
        Assert.Contains("at least 2 criterion", Refused(["Transparency"], ["poor", "fair", "good"]).Message, StringComparison.Ordinal);
        Assert.Contains("at least 3 grade", Refused(["Transparency", "Openness"], ["poor", "good"]).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void More_than_thirty_two_criteria_or_seven_grades_are_refused()
    {
        string[] Many(int count) => [.. Enumerable.Range(0, count).Select(i => "n" + i.ToString(System.Globalization.CultureInfo.InvariantCulture))];

        Refused(Many(Assessment.MaxCriteria + 1), ["poor", "fair", "good"]);
        Refused(["Transparency", "Openness"], Many(Assessment.MaxGrades + 1));
        Assert.Equal(Assessment.MaxCriteria, ((Assessment)RoundTrip(new Assessment(Subject, CriteriaList, Many(32), Many(7)))).Criteria.Count);
    }

    [Fact]
    public void A_repeated_or_empty_name_is_refused()
    {
        Assert.Contains("appears twice", Refused(["Transparency", "Transparency"], ["poor", "fair", "good"]).Message, StringComparison.Ordinal);
        Assert.Contains("appears twice", Refused(["Transparency", "Openness"], ["poor", "good", "good"]).Message, StringComparison.Ordinal);
        Refused(["Transparency", " "], ["poor", "fair", "good"]);
        Refused(["Transparency", new string('a', Assessment.MaxNameBytes + 1)], ["poor", "fair", "good"]);
    }
}
