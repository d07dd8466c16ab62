using Roundtable.Core.Encoding;
using Roundtable.Core.Hashing;

namespace Roundtable.Ledger.Messages.Disputes;

/// <summary>Limits shared by the dispute messages.</summary>
public static class DisputeLimits
{
    /// <summary>Longest claim, in UTF-8 bytes.</summary>
    public const int MaxClaimBytes = 2000;

    /// <summary>Longest statement, in UTF-8 bytes.</summary>
    public const int MaxStatementBytes = 4000;

    /// <summary>Longest appeal reason, in UTF-8 bytes.</summary>
    public const int MaxReasonBytes = 500;

    /// <summary>Most evidence digests a claim or a statement names (the documents stay off chain).</summary>
    public const int MaxEvidence = 16;

    /// <summary>Largest panel, hence most signatures on a decision.</summary>
    public const int MaxPanel = 16;
}

/// <summary>The sender joins (or leaves) the roster of volunteer arbitrators from which panels are drawn.</summary>
/// <param name="Serving">True to join, false to leave. Leaving does not remove the sender from panels already drawn.</param>
public sealed record VolunteerAsArbitrator(bool Serving) : TxMessage
{
    /// <inheritdoc />
    public override MessageType Type => MessageType.VolunteerAsArbitrator;

    /// <inheritdoc />
    public override void EncodeBody(CanonicalWriter writer) => writer.WriteBool(Serving);

    /// <summary>Reads the body.</summary>
    public static VolunteerAsArbitrator DecodeBody(ref CanonicalReader reader) => new(reader.ReadBool());
}

/// <summary>
/// The sender files a dispute about <paramref name="Subject"/>; its id is
/// <see cref="DisputeId.For"/>(sender, this transaction's sequence). The respondent follows from the
/// subject (the name's holder, the anchor's author, the member, the proposal's author).
/// </summary>
/// <param name="Subject">What is in dispute.</param>
/// <param name="Claim">The claim, 1–<see cref="DisputeLimits.MaxClaimBytes"/> bytes.</param>
/// <param name="Evidence">SHA-256 digests of the evidence documents, ascending, at most <see cref="DisputeLimits.MaxEvidence"/>.</param>
public sealed record FileDispute(DisputeSubject Subject, string Claim, IReadOnlyList<Hash256> Evidence) : TxMessage
{
    /// <inheritdoc />
    public override MessageType Type => MessageType.FileDispute;

    /// <inheritdoc />
    public override void EncodeBody(CanonicalWriter writer)
    {
        Subject.Encode(writer);
        writer.WriteString(Claim);
        SortedHashes.Write(writer, Evidence);
    }

    /// <summary>Reads the body.</summary>
    public static FileDispute DecodeBody(ref CanonicalReader reader) =>
        new(DisputeSubject.Decode(ref reader),
            BoundedText.ReadNonEmpty(ref reader, DisputeLimits.MaxClaimBytes, "claim"),
            SortedHashes.Read(ref reader, DisputeLimits.MaxEvidence, "evidence digests"));

    /// <inheritdoc />
    public bool Equals(FileDispute? other) => BodyEquality.Same(this, other);

    /// <inheritdoc />
    public override int GetHashCode() => BodyEquality.HashOf(this);
}

/// <summary>
/// A volunteer arbitrator declares a conflict of interest in a dispute: before the draw they are
/// not drawn; on the panel they are replaced by the next arbitrator in the draw's order.
/// </summary>
/// <param name="Dispute">The dispute.</param>
public sealed record DeclareConflict(Hash256 Dispute) : TxMessage
{
    /// <inheritdoc />
    public override MessageType Type => MessageType.DeclareConflict;

    /// <inheritdoc />
    public override void EncodeBody(CanonicalWriter writer) => writer.WriteHash(Dispute);

    /// <summary>Reads the body.</summary>
    public static DeclareConflict DecodeBody(ref CanonicalReader reader) => new(reader.ReadHash());
}

/// <summary>A party (claimant or respondent) makes a statement while the statement phase is open.</summary>
/// <param name="Dispute">The dispute.</param>
/// <param name="Text">1–<see cref="DisputeLimits.MaxStatementBytes"/> bytes.</param>
/// <param name="Evidence">Digests of further evidence, ascending, at most <see cref="DisputeLimits.MaxEvidence"/>.</param>
public sealed record SubmitStatement(Hash256 Dispute, string Text, IReadOnlyList<Hash256> Evidence) : TxMessage
{
    /// <inheritdoc />
    public override MessageType Type => MessageType.SubmitStatement;

    /// <inheritdoc />
    public override void EncodeBody(CanonicalWriter writer)
    {
        writer.WriteHash(Dispute);
        writer.WriteString(Text);
        SortedHashes.Write(writer, Evidence);
    }

    /// <summary>Reads the body.</summary>
    public static SubmitStatement DecodeBody(ref CanonicalReader reader) =>
        new(reader.ReadHash(),
            BoundedText.ReadNonEmpty(ref reader, DisputeLimits.MaxStatementBytes, "statement"),
            SortedHashes.Read(ref reader, DisputeLimits.MaxEvidence, "evidence digests"));

    /// <inheritdoc />
    public bool Equals(SubmitStatement? other) => BodyEquality.Same(this, other);

    /// <inheritdoc />
    public override int GetHashCode() => BodyEquality.HashOf(this);
}

/// <summary>
/// A panelist submits the panel's decision with the signatures of a majority of the panel over
/// <see cref="DisputeDecision.SignedBytes"/>, during deliberation.
/// </summary>
/// <param name="Dispute">The dispute.</param>
/// <param name="Remedy">The remedy ordered; one the parameters list.</param>
/// <param name="Rationale">Why, 1–<see cref="DisputeDecision.MaxRationaleBytes"/> bytes.</param>
/// <param name="Signatures">Panelists' signatures, at most <see cref="DisputeLimits.MaxPanel"/>.</param>
public sealed record DecideDispute(Hash256 Dispute, Remedy Remedy, string Rationale, IReadOnlyList<PanelSignature> Signatures) : TxMessage
{
    /// <inheritdoc />
    public override MessageType Type => MessageType.DecideDispute;

    /// <summary>What the signatures cover, on chain <paramref name="chainId"/>.</summary>
    public DisputeDecision Decision(string chainId) => new(chainId, Dispute, Remedy, Rationale);

    /// <inheritdoc />
    public override void EncodeBody(CanonicalWriter writer)
    {
        writer.WriteHash(Dispute);
        Remedy.Encode(writer);
        writer.WriteString(Rationale);
        writer.WriteList(Signatures, static (w, s) => s.Encode(w));
    }

    /// <summary>Reads the body.</summary>
    public static DecideDispute DecodeBody(ref CanonicalReader reader)
    {
        var dispute = reader.ReadHash();
        var remedy = Remedy.Decode(ref reader);
        var rationale = BoundedText.ReadNonEmpty(ref reader, DisputeDecision.MaxRationaleBytes, "rationale");
        var count = reader.ReadLength(DisputeLimits.MaxPanel, "panel signature count");
        var signatures = new PanelSignature[count];
        for (var i = 0; i < count; i++)
        {
            signatures[i] = PanelSignature.Decode(ref reader);
        }

        return new DecideDispute(dispute, remedy, rationale, signatures);
    }

    /// <inheritdoc />
    public bool Equals(DecideDispute? other) => BodyEquality.Same(this, other);

    /// <inheritdoc />
    public override int GetHashCode() => BodyEquality.HashOf(this);
}

/// <summary>A party appeals the decision within the appeal window: a balanced vote decides whether the remedy executes.</summary>
/// <param name="Dispute">The dispute.</param>
/// <param name="Reason">Why, 1–<see cref="DisputeLimits.MaxReasonBytes"/> bytes.</param>
public sealed record AppealDecision(Hash256 Dispute, string Reason) : TxMessage
{
    /// <inheritdoc />
    public override MessageType Type => MessageType.AppealDecision;

    /// <inheritdoc />
    public override void EncodeBody(CanonicalWriter writer)
    {
        writer.WriteHash(Dispute);
        writer.WriteString(Reason);
    }

    /// <summary>Reads the body.</summary>
    public static AppealDecision DecodeBody(ref CanonicalReader reader) =>
        new(reader.ReadHash(), BoundedText.ReadNonEmpty(ref reader, DisputeLimits.MaxReasonBytes, "appeal reason"));
}

/// <summary>
/// Any member carries out a decided remedy once nothing can stop it any more (the appeal window
/// closed without appeal, or the appeal vote upheld it). The remedy is this new transaction, naming
/// the decision; no block is ever rewritten.
/// </summary>
/// <param name="Dispute">The dispute.</param>
public sealed record ExecuteRemedy(Hash256 Dispute) : TxMessage
{
    /// <inheritdoc />
    public override MessageType Type => MessageType.ExecuteRemedy;

    /// <inheritdoc />
    public override void EncodeBody(CanonicalWriter writer) => writer.WriteHash(Dispute);

    /// <summary>Reads the body.</summary>
    public static ExecuteRemedy DecodeBody(ref CanonicalReader reader) => new(reader.ReadHash());
}
