namespace Roundtable.Simulation;

/// <summary>Which validators of a scale run are Byzantine (always below a third of the power).</summary>
public enum ScaleByzantine
{
    /// <summary>Every validator is honest.</summary>
    None,

    /// <summary>One whole stakeholder group (a fifth of the power) equivocates and double-proposes.</summary>
    Group,

    /// <summary>Validators scattered over every group, just under a third of the power: half equivocate, half are silent.</summary>
    Scattered,
}

/// <summary>
/// Scale mode: a network of <paramref name="Validators"/> validators in five balanced stakeholder
/// groups over a wide-area latency model with full nodes as relay hubs (see docs/scale.md).
/// </summary>
/// <param name="Validators">Validators (5 to <see cref="Ledger.Validators.ValidatorSet.MaxValidators"/>, a multiple of 5 keeps every validator's power equal).</param>
/// <param name="Heights">Heights every honest node must reach.</param>
/// <param name="Byzantine">Which validators are Byzantine.</param>
/// <param name="TransactionsPerSecond">Client transactions submitted per simulated second, at a steady rate.</param>
public sealed record ScaleOptions(int Validators, int Heights = 10, ScaleByzantine Byzantine = ScaleByzantine.None, int TransactionsPerSecond = 10);
