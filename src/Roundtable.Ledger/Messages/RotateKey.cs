using Roundtable.Core.Crypto;
using Roundtable.Core.Encoding;
using Roundtable.Core.Hashing;

namespace Roundtable.Ledger.Messages;

/// <summary>
/// Replaces the sender's key with <paramref name="NewKey"/>. <paramref name="Possession"/> is the
/// new key's signature over <see cref="PossessionPayload"/>, so nobody can move a member onto a
/// key they do not hold.
/// </summary>
/// <param name="NewKey">The key that will sign for the member from now on.</param>
/// <param name="Possession">Signature by <paramref name="NewKey"/> over the possession payload.</param>
public sealed record RotateKey(PublicKey NewKey, Signature Possession) : TxMessage
{
    private static readonly byte[] Domain = "roundtable.key-possession.v1"u8.ToArray();

    /// <inheritdoc />
    public override MessageType Type => MessageType.RotateKey;

    /// <summary>What a new key signs to prove possession: domain ‖ chain id ‖ member id.</summary>
    public static byte[] PossessionPayload(string chainId, Hash256 member)
    {
        var writer = new CanonicalWriter(96);
        writer.WriteFixed(Domain);
        writer.WriteString(chainId);
        writer.WriteHash(member);
        return writer.ToArray();
    }

    /// <inheritdoc />
    public override void EncodeBody(CanonicalWriter writer)
    {
        NewKey.Encode(writer);
        Possession.Encode(writer);
    }

    /// <summary>Reads the body.</summary>
    public static RotateKey DecodeBody(ref CanonicalReader reader) =>
        new(PublicKey.Decode(ref reader), Signature.Decode(ref reader));
}
