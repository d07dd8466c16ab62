using Roundtable.Core.Hashing;

namespace Roundtable.Node.StateSync;

/// <summary>
/// A header the operator trusts, named by its height and block id (as any node's
/// <c>GET /api/v1/blocks/{height}</c> shows them, or a fellow operator reads them out): state sync
/// verifies snapshot headers from it instead of from genesis. Needed once the chain's genesis is
/// older than the light client's trusting period (CometBFT's <c>trust_height</c> and <c>trust_hash</c>).
/// </summary>
/// <param name="Height">The header's height (at least 1).</param>
/// <param name="BlockId">Its block id, the SHA-256 of the header.</param>
public sealed record TrustedHeader(ulong Height, Hash256 BlockId);
