using Roundtable.Core.Hashing;

namespace Roundtable.Node.Devnet.Demo;

/// <summary>What the demo left on the chain.</summary>
/// <param name="Session">The round table.</param>
/// <param name="Proposals">The recommendation and the parameter change.</param>
/// <param name="Names">The names registered in the demo zone.</param>
public sealed record DemoOutcome(Hash256 Session, ProposalsOutcome Proposals, IReadOnlyList<string> Names);

/// <summary>
/// The product at work on a fresh devnet, played by the founding members through the public API:
/// names in the co-governed DNS zone, a round table with a best-practice poll, a recommendation
/// under consensus, a parameter change under balanced voting.
/// </summary>
public static class DevnetDemo
{
    /// <summary>Runs the whole demo against <paramref name="client"/> with the founders' keys in <paramref name="keysDirectory"/>.</summary>
    public static async Task<DemoOutcome> RunAsync(string keysDirectory, LedgerClient client, Action<string> log, CancellationToken ct)
    {
        using var cast = DemoCast.Load(keysDirectory, client, log);
        var names = await DemoNames.RunAsync(cast, ct).ConfigureAwait(false);
        var session = await DemoSession.RunAsync(cast, ct).ConfigureAwait(false);
        var proposals = await DemoProposals.RunAsync(cast, ct).ConfigureAwait(false);
        return new DemoOutcome(session, proposals, names);
    }
}
