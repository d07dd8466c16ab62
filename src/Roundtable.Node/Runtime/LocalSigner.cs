using Roundtable.Consensus;
using Roundtable.Core.Crypto;

namespace Roundtable.Node.Runtime;

/// <summary>Signs with a key file loaded into memory.</summary>
public sealed class LocalSigner : IVoteSigner
{
    private readonly PrivateKey _key;

    /// <summary>Wraps <paramref name="key"/>.</summary>
    public LocalSigner(PrivateKey key)
    {
        _key = key;
    }

    /// <inheritdoc />
    public PublicKey Key => _key.PublicKey;

    /// <inheritdoc />
    public Signature Sign(byte[] payload) => _key.Sign(payload);
}
