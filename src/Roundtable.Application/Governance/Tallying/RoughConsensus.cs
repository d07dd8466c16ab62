using System.Collections.Immutable;
using System.Text;
using Roundtable.Core.Encoding;
using Roundtable.Core.Hashing;

namespace Roundtable.Application.Governance.Tallying;

/// <summary>A participant's position in a rough-consensus call (RFC 7282).</summary>
public enum ConsensusPosition : byte
{
    /// <summary>Supports the proposal.</summary>
    Support = 1,

    /// <summary>Does not support it but does not stand in the way.</summary>
    StandAside = 2,

    /// <summary>Objects, and says why.</summary>
    Object = 3,
}

/// <summary>
/// A participant's statement. An objection must carry a reason (not empty, not only white space):
/// under RFC 7282 an objection is an issue to be answered, not a count. Canonical encoding: the
/// position byte, then the reason as a length-prefixed UTF-8 string of at most
/// <see cref="MaxReasonBytes"/> bytes.
/// </summary>
public sealed record ConsensusStatement : ICanonical<ConsensusStatement>
{
    /// <summary>Longest reason, in UTF-8 bytes.</summary>
    public const int MaxReasonBytes = 4096;

    private static readonly byte[] ObjectionDomain = "roundtable/objection/v1"u8.ToArray();

    /// <summary>Creates a statement.</summary>
    /// <exception cref="ArgumentException">An objection without a reason, an oversize reason, or an unknown position.</exception>
    public ConsensusStatement(ConsensusPosition position, string reason = "")
    {
        ArgumentNullException.ThrowIfNull(reason);
        if (position is not (ConsensusPosition.Support or ConsensusPosition.StandAside or ConsensusPosition.Object))
        {
            throw new ArgumentException($"Unknown consensus position {(byte)position}.", nameof(position));
        }

        if (position == ConsensusPosition.Object && string.IsNullOrWhiteSpace(reason))
        {
            throw new ArgumentException("An objection must give a reason.", nameof(reason));
        }

        if (Encoding.UTF8.GetByteCount(reason) > MaxReasonBytes)
        {
            throw new ArgumentException($"A reason is at most {MaxReasonBytes} UTF-8 bytes.", nameof(reason));
        }

        Position = position;
        Reason = reason;
    }

    /// <summary>Support, stand aside or object.</summary>
    public ConsensusPosition Position { get; }

    /// <summary>The reason; required for an objection, optional otherwise.</summary>
    public string Reason { get; }

    /// <summary>
    /// Identifies the objection's text: SHA-256("roundtable/objection/v1" ‖ UTF-8 reason). A chair's
    /// ruling names it, so a ruling answers exactly that text and lapses if the objector restates
    /// the objection differently.
    /// </summary>
    public Hash256 ObjectionDigest
    {
        get
        {
            var bytes = new byte[ObjectionDomain.Length + Encoding.UTF8.GetByteCount(Reason)];
            ObjectionDomain.CopyTo(bytes, 0);
            Encoding.UTF8.GetBytes(Reason, 0, Reason.Length, bytes, ObjectionDomain.Length);
            return Hash256.Compute(bytes);
        }
    }

    /// <summary>A statement of support.</summary>
    public static ConsensusStatement Supports(string reason = "") => new(ConsensusPosition.Support, reason);

    /// <summary>A stand-aside.</summary>
    public static ConsensusStatement StandsAside(string reason = "") => new(ConsensusPosition.StandAside, reason);

    /// <summary>An objection with its reason.</summary>
    public static ConsensusStatement Objects(string reason) => new(ConsensusPosition.Object, reason);

    /// <inheritdoc />
    public void Encode(CanonicalWriter writer)
    {
        writer.WriteByte((byte)Position);
        writer.WriteString(Reason);
    }

    /// <inheritdoc />
    public static ConsensusStatement Decode(ref CanonicalReader reader)
    {
        var position = reader.ReadByte();
        var reason = reader.ReadString(MaxReasonBytes, "reason");
        if (position is < 1 or > 3)
        {
            throw new DecodeException(DecodeError.InvalidValue, $"Consensus position {position} is not support (1), stand aside (2) or object (3).");
        }

        if (position == (byte)ConsensusPosition.Object && string.IsNullOrWhiteSpace(reason))
        {
            throw new DecodeException(DecodeError.InvalidValue, "An objection must give a reason.");
        }

        return new ConsensusStatement((ConsensusPosition)position, reason);
    }
}

/// <summary>The chair's answer to one objection.</summary>
public enum ObjectionRuling : byte
{
    /// <summary>The objection has been addressed (with a rationale), even if the objector is not satisfied.</summary>
    Addressed = 1,

    /// <summary>The objection stands.</summary>
    NotAddressed = 2,
}

/// <summary>
/// The chair's ruling on one objection, naming the objector and the objection's
/// <see cref="ConsensusStatement.ObjectionDigest"/>. "Addressed" needs a rationale.
/// </summary>
public sealed record ChairRuling
{
    /// <summary>Creates a ruling.</summary>
    /// <exception cref="ArgumentException">"Addressed" without a rationale, or an unknown ruling.</exception>
    public ChairRuling(Hash256 objector, Hash256 objectionDigest, ObjectionRuling ruling, string rationale)
    {
        ArgumentNullException.ThrowIfNull(rationale);
        if (ruling is not (ObjectionRuling.Addressed or ObjectionRuling.NotAddressed))
        {
            throw new ArgumentException($"Unknown ruling {(byte)ruling}.", nameof(ruling));
        }

        if (ruling == ObjectionRuling.Addressed && string.IsNullOrWhiteSpace(rationale))
        {
            throw new ArgumentException("A ruling that an objection is addressed must say how.", nameof(rationale));
        }

        Objector = objector;
        ObjectionDigest = objectionDigest;
        Ruling = ruling;
        Rationale = rationale;
    }

    /// <summary>The objector's member id.</summary>
    public Hash256 Objector { get; }

    /// <summary>The digest of the objection ruled on.</summary>
    public Hash256 ObjectionDigest { get; }

    /// <summary>Addressed or not.</summary>
    public ObjectionRuling Ruling { get; }

    /// <summary>Why.</summary>
    public string Rationale { get; }
}

/// <summary>What the chair calls.</summary>
public enum ChairCall : byte
{
    /// <summary>Rough consensus has been reached.</summary>
    Consensus = 1,

    /// <summary>It has not.</summary>
    NoConsensus = 2,
}

/// <summary>The chair's call and its rationale (required).</summary>
public sealed record ChairDecision
{
    /// <summary>Creates a decision.</summary>
    /// <exception cref="ArgumentException">No rationale, or an unknown call.</exception>
    public ChairDecision(ChairCall call, string rationale)
    {
        if (call is not (ChairCall.Consensus or ChairCall.NoConsensus))
        {
            throw new ArgumentException($"Unknown call {(byte)call}.", nameof(call));
        }

        if (string.IsNullOrWhiteSpace(rationale))
        {
            throw new ArgumentException("The chair's call must give its rationale.", nameof(rationale));
        }

        Call = call;
        Rationale = rationale;
    }

    /// <summary>Consensus or no consensus.</summary>
    public ChairCall Call { get; }

    /// <summary>Why.</summary>
    public string Rationale { get; }
}

/// <summary>Where an objection stands after the chair's rulings.</summary>
public enum ObjectionStatus : byte
{
    /// <summary>Ruled addressed.</summary>
    Addressed = 1,

    /// <summary>Ruled not addressed.</summary>
    NotAddressed = 2,

    /// <summary>No ruling names this objection (as currently worded).</summary>
    NoRuling = 3,
}

/// <summary>One objection and the chair's ruling on it.</summary>
/// <param name="Objector">The objector.</param>
/// <param name="Reason">The objection.</param>
/// <param name="Digest">Its digest.</param>
/// <param name="Status">Addressed, not addressed, or not ruled on.</param>
/// <param name="Rationale">The chair's rationale, empty without a ruling.</param>
public sealed record ObjectionReview(Voter Objector, string Reason, Hash256 Digest, ObjectionStatus Status, string Rationale)
{
    /// <summary>True unless ruled addressed.</summary>
    public bool IsUnaddressed => Status != ObjectionStatus.Addressed;
}

/// <summary>Why a "consensus" call is not admissible.</summary>
public enum ConsensusDefect : byte
{
    /// <summary>At least one objection is ruled not addressed or has no ruling.</summary>
    UnaddressedObjection = 1,

    /// <summary>Nobody supports the proposal.</summary>
    NoSupport = 2,
}

/// <summary>The evaluated outcome.</summary>
public enum ConsensusOutcome : byte
{
    /// <summary>The chair called consensus and the call is admissible.</summary>
    Consensus = 1,

    /// <summary>The chair called no consensus.</summary>
    NoConsensus = 2,

    /// <summary>The chair called consensus but the record does not allow it; it does not stand.</summary>
    InadmissibleCall = 3,
}

/// <summary>Position counts over a set of electors.</summary>
/// <param name="Electors">Electors in the set.</param>
/// <param name="Support">Statements of support.</param>
/// <param name="StandAside">Stand-asides.</param>
/// <param name="Object">Objections.</param>
/// <param name="Unaddressed">Objections not ruled addressed.</param>
public readonly record struct PositionCounts(int Electors, int Support, int StandAside, int Object, int Unaddressed)
{
    /// <summary>Statements made.</summary>
    public int Stated => Support + StandAside + Object;
}

/// <summary>The evaluation of a rough-consensus call.</summary>
/// <param name="Call">The chair's decision.</param>
/// <param name="Admissible">Whether the call may stand (a "no consensus" call always may).</param>
/// <param name="Outcome">Consensus, no consensus, or an inadmissible call.</param>
/// <param name="Defects">Why a "consensus" call is not admissible (empty otherwise).</param>
/// <param name="Total">Counts over the electorate.</param>
/// <param name="ByGroup">Counts per stakeholder group, every group with electors.</param>
/// <param name="ByRegion">Counts per region, every region with electors.</param>
/// <param name="Objections">Every objection, by objector id, with its status.</param>
/// <param name="IgnoredRulings">Rulings that name no current objection (stale wording, or not an objector).</param>
/// <param name="Superseded">Statements replaced by a later one.</param>
/// <param name="Ignored">Statements from non-electors.</param>
public sealed record ConsensusResult(
    ChairDecision Call,
    bool Admissible,
    ConsensusOutcome Outcome,
    ImmutableArray<ConsensusDefect> Defects,
    PositionCounts Total,
    ImmutableSortedDictionary<string, PositionCounts> ByGroup,
    ImmutableSortedDictionary<string, PositionCounts> ByRegion,
    ImmutableArray<ObjectionReview> Objections,
    int IgnoredRulings,
    int Superseded,
    int Ignored);

/// <summary>
/// <c>consensus</c>: rough consensus after RFC 7282. Nothing is counted against a threshold; what
/// matters is that every objection was heard and answered. A "consensus" call is admissible when
/// every objection in the final statements is ruled addressed and at least one elector supports the
/// proposal; numbers do not decide it (100 supporters and 5 unaddressed objections is not
/// consensus; 2 supporters, 20 stand-asides and every objection addressed can be). A "no
/// consensus" call is always admissible.
/// </summary>
public static class RoughConsensus
{
    /// <summary>
    /// Evaluates the chair's call against the final statements and the rulings. Rulings are read in
    /// the order made; the last ruling on an objector's current objection counts. A ruling whose
    /// digest does not match the objector's current objection (restated since) is ignored.
    /// </summary>
    public static ConsensusResult Evaluate(BallotBox<ConsensusStatement> statements, IEnumerable<ChairRuling> rulings, ChairDecision call)
    {
        ArgumentNullException.ThrowIfNull(statements);
        ArgumentNullException.ThrowIfNull(rulings);
        ArgumentNullException.ThrowIfNull(call);

        var objections = new SortedDictionary<Hash256, ConsensusStatement>();
        foreach (var s in statements.Ballots)
        {
            if (s.Ballot.Position == ConsensusPosition.Object)
            {
                objections[s.Voter.MemberId] = s.Ballot;
            }
        }

        var latest = new SortedDictionary<Hash256, ChairRuling>();
        var ignoredRulings = 0;
        foreach (var ruling in rulings)
        {
            ArgumentNullException.ThrowIfNull(ruling, nameof(rulings));
            if (objections.TryGetValue(ruling.Objector, out var objection) && objection.ObjectionDigest == ruling.ObjectionDigest)
            {
                latest[ruling.Objector] = ruling;
            }
            else
            {
                ignoredRulings++;
            }
        }

        var reviews = ImmutableArray.CreateBuilder<ObjectionReview>();
        var unaddressed = new SortedSet<Hash256>();
        foreach (var s in statements.Ballots)
        {
            if (s.Ballot.Position != ConsensusPosition.Object)
            {
                continue;
            }

            var review = latest.TryGetValue(s.Voter.MemberId, out var r)
                ? new ObjectionReview(s.Voter, s.Ballot.Reason, s.Ballot.ObjectionDigest,
                    r.Ruling == ObjectionRuling.Addressed ? ObjectionStatus.Addressed : ObjectionStatus.NotAddressed, r.Rationale)
                : new ObjectionReview(s.Voter, s.Ballot.Reason, s.Ballot.ObjectionDigest, ObjectionStatus.NoRuling, string.Empty);
            if (review.IsUnaddressed)
            {
                unaddressed.Add(s.Voter.MemberId);
            }

            reviews.Add(review);
        }

        PositionCounts Count(int electors, ImmutableArray<CountedBallot<ConsensusStatement>> ballots)
        {
            int support = 0, standAside = 0, objecting = 0, open = 0;
            foreach (var b in ballots)
            {
                switch (b.Ballot.Position)
                {
                    case ConsensusPosition.Support:
                        support++;
                        break;
                    case ConsensusPosition.StandAside:
                        standAside++;
                        break;
                    default:
                        objecting++;
                        if (unaddressed.Contains(b.Voter.MemberId))
                        {
                            open++;
                        }

                        break;
                }
            }

            return new PositionCounts(electors, support, standAside, objecting, open);
        }

        var total = Count(statements.Electorate.Count, statements.Ballots);
        var defects = ImmutableArray.CreateBuilder<ConsensusDefect>();
        if (call.Call == ChairCall.Consensus)
        {
            if (total.Unaddressed > 0)
            {
                defects.Add(ConsensusDefect.UnaddressedObjection);
            }

            if (total.Support == 0)
            {
                defects.Add(ConsensusDefect.NoSupport);
            }
        }

        var admissible = defects.Count == 0;
        var outcome = call.Call == ChairCall.NoConsensus
            ? ConsensusOutcome.NoConsensus
            : admissible ? ConsensusOutcome.Consensus : ConsensusOutcome.InadmissibleCall;
        return new ConsensusResult(
            call,
            admissible,
            outcome,
            defects.ToImmutable(),
            total,
            Breakdown.ByGroup(statements, Count),
            Breakdown.ByRegion(statements, Count),
            reviews.ToImmutable(),
            ignoredRulings,
            statements.Superseded,
            statements.Ignored);
    }

    /// <summary>
    /// True while the chair's call can be appealed: from the call's block time up to, but not
    /// including, call time + window (all BFT block times in milliseconds). No appeal before the
    /// call or once the window has closed; a window of 0 allows no appeal. Overflow-safe.
    /// </summary>
    public static bool CanAppeal(ulong callTimeMs, ulong nowMs, ulong windowMs) =>
        nowMs >= callTimeMs && nowMs - callTimeMs < windowMs;

    /// <summary>The first block time at which the call can no longer be appealed (saturating).</summary>
    public static ulong AppealDeadlineMs(ulong callTimeMs, ulong windowMs) =>
        ulong.MaxValue - callTimeMs < windowMs ? ulong.MaxValue : callTimeMs + windowMs;
}
