using System.Runtime.InteropServices;

namespace Roundtable.Core.Crypto;

/// <summary>
/// ECDSA P-256 verification calling the system's OpenSSL (libcrypto 3) directly, the library .NET
/// itself uses on Linux. Going through .NET, a key must first be imported into an <c>ECDsa</c>
/// object, and that import runs OpenSSL's full key check, whose multiplication of the point by the
/// group order costs about as much as a verification (bench/run.sh verify). On P-256 that check
/// proves nothing more than the on-curve check: the cofactor is 1, so every point on the curve
/// other than infinity has the group's order. Here the point is decoded with the on-curve check
/// only, and a signature by a key never seen before costs one verification, so no key cache is
/// needed. Acceptance is the same as .NET's (differential tests in Core.Tests pin it).
/// </summary>
internal static class OpenSslP256
{
    private const string LibCrypto = "libcrypto.so.3";
    private const int NidX9_62Prime256v1 = 415;
    private const int UncompressedTag = 4;

    // Read-only after creation: each key takes its own copy (EC_KEY_set_group duplicates it).
    private static readonly IntPtr Group = CreateGroup();

    /// <summary>True when libcrypto 3 was found and knows the curve; otherwise callers use the .NET path.</summary>
    public static bool IsAvailable => Group != IntPtr.Zero;

    /// <summary>True when X‖Y is a point on the curve (coordinates below the field prime, curve equation holds).</summary>
    public static bool IsOnCurve(ReadOnlySpan<byte> point)
    {
        var key = NewKey(point);
        if (key == IntPtr.Zero)
        {
            return false;
        }

        EC_KEY_free(key);
        return true;
    }

    /// <summary>True when r‖s is a valid ECDSA signature by the key X‖Y over <paramref name="digest"/> (a SHA-256 value).</summary>
    public static bool Verify(ReadOnlySpan<byte> point, ReadOnlySpan<byte> digest, ReadOnlySpan<byte> rs)
    {
        if (rs.Length != 64 || digest.Length != 32)
        {
            return false;
        }

        var key = NewKey(point);
        if (key == IntPtr.Zero)
        {
            return false;
        }

        var signature = ECDSA_SIG_new();
        try
        {
            var r = BN_bin2bn(ref MemoryMarshal.GetReference(rs), 32, IntPtr.Zero);
            var s = BN_bin2bn(ref MemoryMarshal.GetReference(rs[32..]), 32, IntPtr.Zero);
            if (signature == IntPtr.Zero || r == IntPtr.Zero || s == IntPtr.Zero || ECDSA_SIG_set0(signature, r, s) != 1)
            {
                BN_free(r);
                BN_free(s);
                throw new InvalidOperationException("libcrypto could not allocate a signature.");
            }

            // 1 valid, 0 invalid, -1 error (r or s out of range is 0 or -1): only 1 accepts.
            var result = ECDSA_do_verify(ref MemoryMarshal.GetReference(digest), digest.Length, signature, key);
            if (result != 1)
            {
                ERR_clear_error();
            }

            return result == 1;
        }
        finally
        {
            ECDSA_SIG_free(signature);
            EC_KEY_free(key);
        }
    }

    /// <summary>An EC_KEY holding the point, or zero when the point is not on the curve (the caller frees it).</summary>
    private static IntPtr NewKey(ReadOnlySpan<byte> point)
    {
        if (point.Length != PublicKey.P256PointSize)
        {
            return IntPtr.Zero;
        }

        Span<byte> encoded = stackalloc byte[1 + PublicKey.P256PointSize];
        encoded[0] = UncompressedTag;
        point.CopyTo(encoded[1..]);
        var key = EC_KEY_new();
        var decoded = EC_POINT_new(Group);
        try
        {
            if (key == IntPtr.Zero || decoded == IntPtr.Zero || EC_KEY_set_group(key, Group) != 1)
            {
                throw new InvalidOperationException("libcrypto could not allocate a key.");
            }

            // oct2point refuses coordinates at or above the prime and points off the curve.
            if (EC_POINT_oct2point(Group, decoded, ref MemoryMarshal.GetReference(encoded), (nuint)encoded.Length, IntPtr.Zero) != 1
                || EC_KEY_set_public_key(key, decoded) != 1)
            {
                ERR_clear_error();
                EC_KEY_free(key);
                return IntPtr.Zero;
            }

            return key;
        }
        catch
        {
            EC_KEY_free(key);
            throw;
        }
        finally
        {
            EC_POINT_free(decoded);
        }
    }

    private static IntPtr CreateGroup()
    {
        if (!OperatingSystem.IsLinux())
        {
            return IntPtr.Zero;
        }

        try
        {
            return EC_GROUP_new_by_curve_name(NidX9_62Prime256v1);
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return IntPtr.Zero;
        }
    }

    [DllImport(LibCrypto)]
    private static extern IntPtr EC_GROUP_new_by_curve_name(int nid);

    [DllImport(LibCrypto)]
    private static extern IntPtr EC_KEY_new();

    [DllImport(LibCrypto)]
    private static extern int EC_KEY_set_group(IntPtr key, IntPtr group);

    [DllImport(LibCrypto)]
    private static extern int EC_KEY_set_public_key(IntPtr key, IntPtr point);

    [DllImport(LibCrypto)]
    private static extern void EC_KEY_free(IntPtr key);

    [DllImport(LibCrypto)]
    private static extern IntPtr EC_POINT_new(IntPtr group);

    [DllImport(LibCrypto)]
    private static extern void EC_POINT_free(IntPtr point);

    [DllImport(LibCrypto)]
    private static extern int EC_POINT_oct2point(IntPtr group, IntPtr point, ref byte buffer, nuint length, IntPtr context);

    [DllImport(LibCrypto)]
    private static extern IntPtr BN_bin2bn(ref byte bytes, int length, IntPtr into);

    [DllImport(LibCrypto)]
    private static extern void BN_free(IntPtr number);

    [DllImport(LibCrypto)]
    private static extern IntPtr ECDSA_SIG_new();

    [DllImport(LibCrypto)]
    private static extern int ECDSA_SIG_set0(IntPtr signature, IntPtr r, IntPtr s);

    [DllImport(LibCrypto)]
    private static extern void ECDSA_SIG_free(IntPtr signature);

    [DllImport(LibCrypto)]
    private static extern int ECDSA_do_verify(ref byte digest, int length, IntPtr signature, IntPtr key);

    [DllImport(LibCrypto)]
    private static extern void ERR_clear_error();
}
