using System.Runtime.InteropServices;

namespace Roundtable.Core.Hashing;

/// <summary>
/// SHA-256 through libcrypto's low-level functions (<c>SHA256_Init</c>, <c>_Update</c>,
/// <c>_Final</c>) with the context on the stack. .NET's SHA-256 calls the same library through
/// its EVP layer: every call also clears OpenSSL's thread-local error queue and sets up or resets
/// a heap-allocated digest context, which for the short messages the state trie and the ledger
/// hash by the million (33 to 300 bytes) costs more than the hashing itself (bench/run.sh
/// stateroot; docs/benchmarks.md). The digest is plain SHA-256, byte for byte the same
/// (differential tests in Core.Tests).
/// </summary>
internal static class OpenSslSha256
{
    private const string LibCrypto = "libcrypto.so.3";

    // sizeof(SHA256_CTX): eight 32-bit state words, two length words, a 64-byte block, num, md_len.
    private const int ContextSize = 112;

    /// <summary>True when libcrypto 3 was found; otherwise callers use .NET's SHA-256.</summary>
    public static bool IsAvailable { get; } = Probe();

    /// <summary>Writes SHA-256(<paramref name="first"/> ‖ <paramref name="second"/>) to <paramref name="digest"/> (32 bytes).</summary>
    /// <exception cref="InvalidOperationException">libcrypto reported a failure (it does not for these functions).</exception>
    public static void Hash(ReadOnlySpan<byte> first, ReadOnlySpan<byte> second, Span<byte> digest)
    {
        Span<byte> context = stackalloc byte[ContextSize];
        ref var ctx = ref MemoryMarshal.GetReference(context);
        if (SHA256_Init(ref ctx) != 1
            || SHA256_Update(ref ctx, ref MemoryMarshal.GetReference(first), (nuint)first.Length) != 1
            || SHA256_Update(ref ctx, ref MemoryMarshal.GetReference(second), (nuint)second.Length) != 1
            || SHA256_Final(ref MemoryMarshal.GetReference(digest), ref ctx) != 1)
        {
            throw new InvalidOperationException("libcrypto's SHA-256 failed.");
        }
    }

    private static bool Probe()
    {
        if (!OperatingSystem.IsLinux())
        {
            return false;
        }

        try
        {
            Span<byte> context = stackalloc byte[ContextSize];
            return SHA256_Init(ref MemoryMarshal.GetReference(context)) == 1;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }

    [DllImport(LibCrypto)]
    private static extern int SHA256_Init(ref byte context);

    [DllImport(LibCrypto)]
    private static extern int SHA256_Update(ref byte context, ref byte data, nuint length);

    [DllImport(LibCrypto)]
    private static extern int SHA256_Final(ref byte digest, ref byte context);
}
