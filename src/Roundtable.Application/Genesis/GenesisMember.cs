using Roundtable.Core.Crypto;

namespace Roundtable.Application.Genesis;

/// <summary>A founding member, verified from the start so that attestation has somewhere to begin.</summary>
/// <param name="Key">The member's key; its id becomes the member id.</param>
/// <param name="DisplayName">Published name.</param>
/// <param name="StakeholderGroup">Group id.</param>
/// <param name="Region">Region id.</param>
public sealed record GenesisMember(PublicKey Key, string DisplayName, string StakeholderGroup, string Region);
