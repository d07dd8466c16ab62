namespace Roundtable.Core.Crypto;

/// <summary>
/// Remembers the outcome of signature checks by the exact bytes checked (key, signature, message),
/// for a process that checks the same signature many times over: the simulator, where 200 nodes
/// each verify the same 200 votes. A check's outcome is a pure function of those bytes, so
/// answering from the memo changes nothing but the cost. Not thread-safe: one memo per thread
/// (see <see cref="SignatureVerifier.Remembering"/>). Never used by the node.
/// </summary>
public sealed class SignatureMemo
{
    private readonly Dictionary<byte[], bool> _outcomes = new(ByteArrayComparer.Instance);

    /// <summary>Checks actually performed (the rest were answered from the memo).</summary>
    public long Verified { get; private set; }

    /// <summary>Checks answered from the memo.</summary>
    public long Remembered { get; private set; }

    internal bool Verify(PublicKey key, ReadOnlySpan<byte> message, Signature signature)
    {
        // The key has a fixed size and the signature's encoding is self-delimiting: the concatenation is unambiguous.
        var bytes = new byte[key.Encoded.Length + signature.Encoded.Length + message.Length];
        key.Encoded.CopyTo(bytes);
        signature.Encoded.CopyTo(bytes.AsSpan(key.Encoded.Length));
        message.CopyTo(bytes.AsSpan(key.Encoded.Length + signature.Encoded.Length));
        if (_outcomes.TryGetValue(bytes, out var known))
        {
            Remembered++;
            return known;
        }

        Verified++;
        var outcome = SignatureVerifier.Check(key, message, signature);
        _outcomes.Add(bytes, outcome);
        return outcome;
    }

    private sealed class ByteArrayComparer : IEqualityComparer<byte[]>
    {
        public static readonly ByteArrayComparer Instance = new();

        public bool Equals(byte[]? x, byte[]? y) => x.AsSpan().SequenceEqual(y);

        public int GetHashCode(byte[] obj)
        {
            var hash = new HashCode();
            hash.AddBytes(obj);
            return hash.ToHashCode();
        }
    }
}
