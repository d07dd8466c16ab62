using System.Collections.Immutable;
using Roundtable.Core.Encoding;
using Roundtable.Ledger.Messages.Governance;

namespace Roundtable.Application.Governance.Tallying;

/// <summary>
/// The ballot of an assessment: one grade per criterion, in the proposal's criterion order, each
/// an index into its grade scale (0 is the worst grade). Canonical encoding: the count, then one
/// byte per grade; a decoder refuses more than <see cref="Assessment.MaxCriteria"/> grades or a
/// grade beyond the largest scale (<see cref="Assessment.MaxGrades"/>).
/// </summary>
public sealed class GradeBallot : ICanonical<GradeBallot>, IEquatable<GradeBallot>
{
    private GradeBallot(ImmutableArray<byte> grades) => Grades = grades;

    /// <summary>The grade given to each criterion.</summary>
    public ImmutableArray<byte> Grades { get; }

    /// <summary>A ballot giving <paramref name="grades"/>[i] to criterion i.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Too many grades, or a grade beyond the largest scale.</exception>
    public static GradeBallot Of(params int[] grades)
    {
        ArgumentNullException.ThrowIfNull(grades);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(grades.Length, Assessment.MaxCriteria, nameof(grades));
        foreach (var grade in grades)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(grade, nameof(grades));
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(grade, Assessment.MaxGrades, nameof(grades));
        }

        return new GradeBallot([.. grades.Select(static g => (byte)g)]);
    }

    /// <summary>Null when the ballot grades each of <paramref name="criteria"/> criteria on a scale of <paramref name="grades"/>; otherwise why not.</summary>
    public string? Misfit(int criteria, int grades)
    {
        if (Grades.Length != criteria)
        {
            return $"The ballot gives {Grades.Length} grade(s); the assessment has {criteria} criteria, one grade each.";
        }

        for (var i = 0; i < Grades.Length; i++)
        {
            if (Grades[i] >= grades)
            {
                return $"Criterion {i} is given grade {Grades[i]}; the scale has grades 0 to {grades - 1}.";
            }
        }

        return null;
    }

    /// <inheritdoc />
    public void Encode(CanonicalWriter writer)
    {
        writer.WriteVarUInt((ulong)Grades.Length);
        foreach (var grade in Grades)
        {
            writer.WriteByte(grade);
        }
    }

    /// <inheritdoc />
    public static GradeBallot Decode(ref CanonicalReader reader)
    {
        var count = reader.ReadLength(Assessment.MaxCriteria, "grade count");
        var grades = ImmutableArray.CreateBuilder<byte>(count);
        for (var i = 0; i < count; i++)
        {
            var grade = reader.ReadByte();
            if (grade >= Assessment.MaxGrades)
            {
                throw new DecodeException(DecodeError.InvalidValue, $"Grade {grade} is beyond the largest scale (0 to {Assessment.MaxGrades - 1}).");
            }

            grades.Add(grade);
        }

        return new GradeBallot(grades.MoveToImmutable());
    }

    /// <inheritdoc />
    public bool Equals(GradeBallot? other) => other is not null && Grades.AsSpan().SequenceEqual(other.Grades.AsSpan());

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as GradeBallot);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Grades.Length, Grades.Length > 0 ? Grades[0] : 0);

    /// <summary>"[2,0,4]".</summary>
    public override string ToString() => "[" + string.Join(",", Grades) + "]";
}
