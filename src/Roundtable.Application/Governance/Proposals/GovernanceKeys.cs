using System.Text;
using Roundtable.Core.Hashing;

namespace Roundtable.Application.Governance.Proposals;

/// <summary>
/// State keys of governance. Proposal records sit under <c>proposal/</c> alone, so listing that
/// prefix lists proposals; everything recorded about one proposal sits under <c>proposal-data/{id}/</c>.
/// </summary>
public static class GovernanceKeys
{
    /// <summary>Governance rules.</summary>
    public static readonly byte[] Parameters = "params-governance"u8.ToArray();

    /// <summary>Timed transitions.</summary>
    public static readonly byte[] Due = "proposal-due"u8.ToArray();

    /// <summary>The approved software upgrade.</summary>
    public static readonly byte[] Upgrade = "upgrade"u8.ToArray();

    /// <summary>Prefix of proposal records.</summary>
    public static readonly byte[] ProposalPrefix = "proposal/"u8.ToArray();

    /// <summary>A proposal record.</summary>
    public static byte[] Proposal(Hash256 id) => Ascii("proposal/" + id);

    /// <summary>A proposal's electorate.</summary>
    public static byte[] Electorate(Hash256 id) => Ascii($"proposal-data/{id}/electorate");

    /// <summary>One elector's mark (present only for electors).</summary>
    public static byte[] Elector(Hash256 id, Hash256 member) => Ascii($"proposal-data/{id}/elector/{member}");

    /// <summary>Prefix of a proposal's open ballots (one per elector).</summary>
    public static byte[] BallotPrefix(Hash256 id) => Ascii($"proposal-data/{id}/ballot/");

    /// <summary>An elector's open ballot.</summary>
    public static byte[] Ballot(Hash256 id, Hash256 voter) => Ascii($"proposal-data/{id}/ballot/{voter}");

    /// <summary>Prefix of a proposal's commitments.</summary>
    public static byte[] CommitmentPrefix(Hash256 id) => Ascii($"proposal-data/{id}/commit/");

    /// <summary>An elector's commitment.</summary>
    public static byte[] Commitment(Hash256 id, Hash256 voter) => Ascii($"proposal-data/{id}/commit/{voter}");

    /// <summary>Prefix of a proposal's accepted reveals.</summary>
    public static byte[] RevealPrefix(Hash256 id) => Ascii($"proposal-data/{id}/reveal/");

    /// <summary>An elector's accepted reveal.</summary>
    public static byte[] Reveal(Hash256 id, Hash256 voter) => Ascii($"proposal-data/{id}/reveal/{voter}");

    /// <summary>Prefix of the ballots on an appealed consensus call.</summary>
    public static byte[] AppealBallotPrefix(Hash256 id) => Ascii($"proposal-data/{id}/appeal-ballot/");

    /// <summary>An elector's ballot on an appealed call.</summary>
    public static byte[] AppealBallot(Hash256 id, Hash256 voter) => Ascii($"proposal-data/{id}/appeal-ballot/{voter}");

    /// <summary>Prefix of the chair's rulings.</summary>
    public static byte[] RulingPrefix(Hash256 id) => Ascii($"proposal-data/{id}/ruling/");

    /// <summary>The chair's ruling on an objector's objection.</summary>
    public static byte[] Ruling(Hash256 id, Hash256 objector) => Ascii($"proposal-data/{id}/ruling/{objector}");

    /// <summary>A comment by number.</summary>
    public static byte[] Comment(Hash256 id, uint number) => Ascii($"proposal-data/{id}/comment/{Padded(number)}");

    /// <summary>An amendment by number.</summary>
    public static byte[] Amendment(Hash256 id, uint number) => Ascii($"proposal-data/{id}/amendment/{Padded(number)}");

    /// <summary>A module's pause.</summary>
    public static byte[] Pause(string module) => Ascii("paused/" + module);

    /// <summary>The member id at the end of a per-voter key.</summary>
    public static Hash256 VoterOf(byte[] key) => Hash256.Parse(Encoding.ASCII.GetString(key, key.Length - (2 * Hash256.Size), 2 * Hash256.Size));

    /// <summary>Ten decimal digits, so that keys sort in number order.</summary>
    private static string Padded(uint number)
    {
        Span<char> digits = stackalloc char[10];
        for (var i = digits.Length - 1; i >= 0; i--)
        {
            digits[i] = (char)('0' + (number % 10));
            number /= 10;
        }

        return new string(digits);
    }

    private static byte[] Ascii(string text) => Encoding.ASCII.GetBytes(text);
}
