using System.Collections.Immutable;
using Roundtable.Core.Encoding;

namespace Roundtable.Application.Governance.Tallying;

/// <summary>A yes / no / abstain choice.</summary>
public enum VoteChoice : byte
{
    /// <summary>In favour.</summary>
    Yes = 1,

    /// <summary>Against.</summary>
    No = 2,

    /// <summary>Present, counted for quorum, neither for nor against.</summary>
    Abstain = 3,
}

/// <summary>
/// The ballot of the <c>majority</c> and <c>balanced</c> methods. Canonical encoding: one byte,
/// the <see cref="VoteChoice"/> value (1, 2 or 3).
/// </summary>
/// <param name="Choice">Yes, no or abstain.</param>
public readonly record struct YesNoBallot(VoteChoice Choice) : ICanonical<YesNoBallot>
{
    /// <summary>A yes ballot.</summary>
    public static YesNoBallot Yes => new(VoteChoice.Yes);

    /// <summary>A no ballot.</summary>
    public static YesNoBallot No => new(VoteChoice.No);

    /// <summary>An abstention.</summary>
    public static YesNoBallot Abstain => new(VoteChoice.Abstain);

    /// <inheritdoc />
    public void Encode(CanonicalWriter writer)
    {
        if (Choice is not (VoteChoice.Yes or VoteChoice.No or VoteChoice.Abstain))
        {
            throw new InvalidOperationException($"Vote choice {(byte)Choice} is not yes, no or abstain.");
        }

        writer.WriteByte((byte)Choice);
    }

    /// <inheritdoc />
    public static YesNoBallot Decode(ref CanonicalReader reader)
    {
        var b = reader.ReadByte();
        return b is >= 1 and <= 3
            ? new YesNoBallot((VoteChoice)b)
            : throw new DecodeException(DecodeError.InvalidValue, $"Vote choice {b} is not yes (1), no (2) or abstain (3).");
    }
}

/// <summary>Yes / no / abstain counts over a set of electors (the whole electorate, one group or one region).</summary>
/// <param name="Electors">Electors in the set.</param>
/// <param name="Yes">Yes ballots.</param>
/// <param name="No">No ballots.</param>
/// <param name="Abstain">Abstentions.</param>
public readonly record struct YesNoCounts(int Electors, int Yes, int No, int Abstain)
{
    /// <summary>Ballots cast, abstentions included.</summary>
    public int Cast => Yes + No + Abstain;

    /// <summary>Electors who cast no ballot.</summary>
    public int DidNotVote => Electors - Cast;

    /// <summary>Yes plus no: the ballots that take a side.</summary>
    public int Decisive => Yes + No;

    /// <summary>Cast / electors (abstentions count as participation); null without electors.</summary>
    public Rational? Participation => Electors == 0 ? null : Rational.Of(Cast, Electors);

    /// <summary>Yes / (yes + no); null when nobody took a side.</summary>
    public Rational? Support => Decisive == 0 ? null : Rational.Of(Yes, Decisive);

    /// <summary>True when <see cref="Support"/> is more than 1/2.</summary>
    public bool HasOwnMajority => Support is { } support && support > Rational.Half;

    internal static YesNoCounts Count(int electors, ImmutableArray<CountedBallot<YesNoBallot>> ballots)
    {
        int yes = 0, no = 0, abstain = 0;
        foreach (var ballot in ballots)
        {
            switch (ballot.Ballot.Choice)
            {
                case VoteChoice.Yes:
                    yes++;
                    break;
                case VoteChoice.No:
                    no++;
                    break;
                case VoteChoice.Abstain:
                    abstain++;
                    break;
                default:
                    throw new ArgumentException($"Voter {ballot.Voter.MemberId.ToShortString()} cast an unknown choice {(byte)ballot.Ballot.Choice}.", nameof(ballots));
            }
        }

        return new YesNoCounts(electors, yes, no, abstain);
    }
}
