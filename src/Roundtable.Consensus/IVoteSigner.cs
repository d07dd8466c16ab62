using Roundtable.Core.Crypto;

namespace Roundtable.Consensus;

/// <summary>The validator's signing key, behind an interface so it can live in an HSM or a simulator.</summary>
public interface IVoteSigner
{
    /// <summary>The validator's public key.</summary>
    PublicKey Key { get; }

    /// <summary>Signs a canonical vote or proposal payload.</summary>
    Signature Sign(byte[] payload);
}
