using Roundtable.Core.Encoding;
using Roundtable.Core.Hashing;

namespace Roundtable.Ledger.Messages.Governance;

/// <summary>
/// An assessment of one subject against an adopted list of criteria: every elector grades every
/// criterion on the ordered scale <paramref name="Grades"/>, and the result per criterion is the
/// majority-judgment (lower) median grade. The criteria are stated here; their authority is the
/// passed recommendation <paramref name="CriteriaList"/> whose document lists them. Passing changes
/// nothing in the state: the graded result is the record.
/// </summary>
/// <param name="Subject">Digest of the notary anchor that describes the assessed initiative (active when submitted).</param>
/// <param name="CriteriaList">Id of the passed recommendation that adopted the criteria.</param>
/// <param name="Criteria"><see cref="MinCriteria"/>..<see cref="MaxCriteria"/> distinct names, each 1..<see cref="MaxNameBytes"/> UTF-8 bytes.</param>
/// <param name="Grades">
/// <see cref="MinGrades"/>..<see cref="MaxGrades"/> distinct grade names from worst to best (grade 0 is the worst), each
/// 1..<see cref="MaxNameBytes"/> UTF-8 bytes.
/// </param>
public sealed record Assessment(Hash256 Subject, Hash256 CriteriaList, IReadOnlyList<string> Criteria, IReadOnlyList<string> Grades) : ProposalAction
{
    /// <summary>Fewest criteria.</summary>
    public const int MinCriteria = 2;

    /// <summary>Most criteria.</summary>
    public const int MaxCriteria = 32;

    /// <summary>Fewest grades on the scale.</summary>
    public const int MinGrades = 3;

    /// <summary>Most grades on the scale.</summary>
    public const int MaxGrades = 7;

    /// <summary>Longest criterion or grade name, in UTF-8 bytes.</summary>
    public const int MaxNameBytes = 80;

    /// <inheritdoc />
    public override ProposalKind Kind => ProposalKind.Assessment;

    /// <summary>Reads the body: subject, criteria list, the criteria, the grades.</summary>
    public static Assessment DecodeBody(ref CanonicalReader reader)
    {
        var subject = reader.ReadHash();
        var criteriaList = reader.ReadHash();
        var criteria = ReadNames(ref reader, MinCriteria, MaxCriteria, "criterion");
        var grades = ReadNames(ref reader, MinGrades, MaxGrades, "grade");
        return new Assessment(subject, criteriaList, criteria, grades);
    }

    /// <inheritdoc />
    public bool Equals(Assessment? other) =>
        other is not null && Subject == other.Subject && CriteriaList == other.CriteriaList &&
        Criteria.SequenceEqual(other.Criteria, StringComparer.Ordinal) && Grades.SequenceEqual(other.Grades, StringComparer.Ordinal);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Subject, CriteriaList, Criteria.Count, Grades.Count);

    /// <inheritdoc />
    protected override void EncodeBody(CanonicalWriter writer)
    {
        writer.WriteHash(Subject);
        writer.WriteHash(CriteriaList);
        writer.WriteList(Criteria, static (w, c) => w.WriteString(c));
        writer.WriteList(Grades, static (w, g) => w.WriteString(g));
    }

    private static string[] ReadNames(ref CanonicalReader reader, int min, int max, string what)
    {
        var count = reader.ReadLength(max, what, "count");
        if (count < min)
        {
            throw new DecodeException(DecodeError.InvalidValue, $"An assessment has at least {min} {what} names.");
        }

        var names = new string[count];
        for (var i = 0; i < count; i++)
        {
            names[i] = GovernanceText.ReadRequired(ref reader, MaxNameBytes, what + " name");
            for (var j = 0; j < i; j++)
            {
                if (string.Equals(names[j], names[i], StringComparison.Ordinal))
                {
                    throw new DecodeException(DecodeError.InvalidValue, $"The {what} name '{names[i]}' appears twice.");
                }
            }
        }

        return names;
    }
}
