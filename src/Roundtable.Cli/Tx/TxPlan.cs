using System.Text.Json.Nodes;
using Roundtable.Cli.Keys;
using Roundtable.Core.Crypto;
using Roundtable.Ledger.Messages;
using Roundtable.Ledger.PersonalData;

namespace Roundtable.Cli.Tx;

/// <summary>What a transaction kind sees when it builds its message: the chain, the signer and its account.</summary>
/// <param name="ChainId">The node's chain id.</param>
/// <param name="Signer">The signing key.</param>
/// <param name="SignerName">Its keyring name.</param>
/// <param name="Account">GET /accounts/{key} for the signer.</param>
/// <param name="Keyring">The keyring, for kinds that need a second key.</param>
internal sealed record TxBuildContext(string ChainId, PrivateKey Signer, string SignerName, JsonObject Account, Keyring Keyring);

/// <summary>A message to send, and what to tell the user once it is committed.</summary>
/// <param name="Message">The message.</param>
/// <param name="SuccessNote">A line for people after a successful commit.</param>
/// <param name="Extra">Fields added to the --json answer.</param>
internal sealed record TxPlan(TxMessage Message, string? SuccessNote = null, JsonObject? Extra = null)
{
    /// <summary>
    /// Personal values whose commitments the message carries: sent beside it, once it is
    /// committed, to the node (which passes them on to its peers; docs/personal-data.md).
    /// </summary>
    public IReadOnlyList<Disclosure> Disclosures { get; init; } = [];
}
