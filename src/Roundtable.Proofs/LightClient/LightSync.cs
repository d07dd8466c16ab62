using Roundtable.Ledger.Blocks;

namespace Roundtable.Proofs.LightClient;

/// <summary>Two commits for one height, each valid from the same trust: proof that validators signed conflicting blocks.</summary>
/// <param name="Primary">What the primary served.</param>
/// <param name="Witness">What the witness served.</param>
/// <param name="DoubleSigners">Keys of validators whose signatures are on both commits, in key order.</param>
public sealed record ConflictingCommits(LightBlock Primary, LightBlock Witness, IReadOnlyList<Core.Crypto.PublicKey> DoubleSigners);

/// <summary>The outcome of a light-client run.</summary>
/// <param name="Trusted">What the client trusts at the end.</param>
/// <param name="Target">The verified target header.</param>
/// <param name="BlocksFetched">Light blocks fetched from the primary.</param>
/// <param name="HeadersVerified">Headers whose commits were checked.</param>
/// <param name="Conflict">Set when the witness served a different, equally valid header for the target height.</param>
/// <param name="WitnessProblem">Set when the witness served something that did not verify (the witness is faulty, not the chain).</param>
public sealed record LightSync(TrustedState Trusted, BlockHeader Target, int BlocksFetched, int HeadersVerified, ConflictingCommits? Conflict, string? WitnessProblem);
