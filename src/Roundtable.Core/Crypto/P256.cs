using System.Numerics;

namespace Roundtable.Core.Crypto;

/// <summary>Constants of the NIST P-256 curve needed for low-S normalisation.</summary>
internal static class P256
{
    // Group order n and n/2, big-endian.
    private static readonly byte[] Order = Convert.FromHexString("FFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551");
    private static readonly byte[] HalfOrder = Convert.FromHexString("7FFFFFFF800000007FFFFFFFFFFFFFFFDE737D56D38BCF4279DCE5617E3192A8");

    public static bool IsLowS(ReadOnlySpan<byte> s) => s.SequenceCompareTo(HalfOrder) <= 0;

    /// <summary>Replaces S by n − S when S is high; both verify, only the low one is canonical.</summary>
    public static void NormalizeS(Span<byte> s)
    {
        if (IsLowS(s))
        {
            return;
        }

        var n = new BigInteger(Order, isUnsigned: true, isBigEndian: true);
        var value = new BigInteger(s, isUnsigned: true, isBigEndian: true);
        var low = n - value;
        s.Clear();
        var bytes = low.ToByteArray(isUnsigned: true, isBigEndian: true);
        bytes.CopyTo(s[(s.Length - bytes.Length)..]);
    }
}
