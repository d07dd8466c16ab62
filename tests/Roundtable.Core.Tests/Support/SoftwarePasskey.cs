using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Roundtable.Core.Crypto;

namespace Roundtable.Tests.Support;

/// <summary>
/// A passkey in software for tests: an ES256 credential that answers WebAuthn "get" requests the
/// way a browser and an authenticator do (authenticatorData = SHA-256(rpId) ‖ flags ‖ counter;
/// clientDataJSON with type, challenge, origin), so the chain's checks run on data shaped like the
/// real thing. Every part can be bent to build refusals. Shared (linked) by the test projects that sign as a passkey.
/// </summary>
internal sealed class SoftwarePasskey : IDisposable
{
    private readonly PrivateKey _key;
    private uint _counter;

    public SoftwarePasskey(string rpId = "localhost", PrivateKey? key = null)
    {
        RpId = rpId;
        _key = key ?? PrivateKey.Generate();
        PublicKey = PublicKey.FromPasskeyPoint(_key.PublicKey.Point);
    }

    /// <summary>The relying-party id whose hash starts the authenticator data.</summary>
    public string RpId { get; set; }

    /// <summary>The tag-2 public key.</summary>
    public PublicKey PublicKey { get; }

    /// <summary>The same point as a tag-1 key, for cross-protocol tests.</summary>
    public PublicKey EcdsaKey => _key.PublicKey;

    /// <summary>The underlying P-256 key (signs tag-1 signatures for cross-protocol tests).</summary>
    public PrivateKey Ecdsa => _key;

    /// <summary>The client data JSON a browser would send for <paramref name="challenge"/>.</summary>
    public static string ClientData(ReadOnlySpan<byte> challenge, string type = "webauthn.get", string origin = "http://localhost") =>
        $"{{\"type\":\"{type}\",\"challenge\":\"{Base64Url.EncodeToString(challenge)}\",\"origin\":\"{origin}\",\"crossOrigin\":false}}";

    /// <summary>Authenticator data: SHA-256(rpId) ‖ flags ‖ big-endian counter ‖ extra.</summary>
    public byte[] AuthenticatorData(byte flags = 0x05, byte[]? extra = null)
    {
        var data = new byte[37 + (extra?.Length ?? 0)];
        SHA256.HashData(Encoding.UTF8.GetBytes(RpId), data);
        data[32] = flags;
        var counter = ++_counter;
        data[33] = (byte)(counter >> 24);
        data[34] = (byte)(counter >> 16);
        data[35] = (byte)(counter >> 8);
        data[36] = (byte)counter;
        extra?.CopyTo(data, 37);
        return data;
    }

    /// <summary>Signs <paramref name="message"/> as a passkey: challenge SHA-256(message).</summary>
    public Signature Sign(ReadOnlySpan<byte> message) =>
        SignAssertion(AuthenticatorData(), Encoding.UTF8.GetBytes(ClientData(SHA256.HashData(message))));

    /// <summary>Signs exactly the given authenticator data and client data JSON (for refusals).</summary>
    public Signature SignAssertion(byte[] authenticatorData, byte[] clientDataJson) =>
        Signature.FromWebAuthn(authenticatorData, clientDataJson, RawSignature(authenticatorData, clientDataJson));

    /// <summary>The low-S r‖s over authenticatorData ‖ SHA-256(clientDataJSON).</summary>
    public byte[] RawSignature(byte[] authenticatorData, byte[] clientDataJson) =>
        _key.Sign([.. authenticatorData, .. SHA256.HashData(clientDataJson)]).RS.ToArray();

    public void Dispose() => _key.Dispose();
}
