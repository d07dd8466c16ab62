using Roundtable.Core.Encoding;

namespace Roundtable.Ledger.Messages.Governance;

/// <summary>A choice among named options (approval or ranked ballots index them from 0).</summary>
/// <param name="Options">2..<see cref="MaxOptions"/> labels, each 1..200 UTF-8 bytes.</param>
public sealed record BestPracticeSelection(IReadOnlyList<string> Options) : ProposalAction
{
    /// <summary>Most options (the ballot limit of the tallies).</summary>
    public const int MaxOptions = 64;

    /// <inheritdoc />
    public override ProposalKind Kind => ProposalKind.BestPractice;

    /// <summary>Reads the body.</summary>
    public static BestPracticeSelection DecodeBody(ref CanonicalReader reader)
    {
        var count = reader.ReadLength(MaxOptions, "option count");
        if (count < 2)
        {
            throw new DecodeException(DecodeError.InvalidValue, "A selection offers at least two options.");
        }

        var options = new string[count];
        for (var i = 0; i < count; i++)
        {
            options[i] = GovernanceText.ReadRequired(ref reader, GovernanceText.MaxTitleBytes, "option label");
        }

        return new BestPracticeSelection(options);
    }

    /// <inheritdoc />
    public bool Equals(BestPracticeSelection? other) => other is not null && Options.SequenceEqual(other.Options, StringComparer.Ordinal);

    /// <inheritdoc />
    public override int GetHashCode() => Options.Count;

    /// <inheritdoc />
    protected override void EncodeBody(CanonicalWriter writer) => writer.WriteList(Options, static (w, o) => w.WriteString(o));
}
