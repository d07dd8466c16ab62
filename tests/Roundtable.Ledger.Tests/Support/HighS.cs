using System.Numerics;
using Roundtable.Core.Crypto;

namespace Roundtable.Ledger.Tests.Support;

/// <summary>The high-S twin of a signature: (r, n − s) verifies too, but only low S is canonical.</summary>
internal static class HighS
{
    private static readonly BigInteger N = new(Convert.FromHexString("ffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551"), isUnsigned: true, isBigEndian: true);

    /// <summary>The 65 encoded bytes (tag, r, n − s) of <paramref name="signature"/>'s twin.</summary>
    public static byte[] Twin(Signature signature)
    {
        var encoded = signature.Encoded.ToArray();
        var s = new BigInteger(encoded.AsSpan(33), isUnsigned: true, isBigEndian: true);
        var high = (N - s).ToByteArray(isUnsigned: true, isBigEndian: true);
        Array.Clear(encoded, 33, 32);
        high.CopyTo(encoded, 65 - high.Length);
        return encoded;
    }
}
