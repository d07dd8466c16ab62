using Roundtable.Core.Encoding;

namespace Roundtable.Core.Tests.Support;

/// <summary>Reads one value with a <see cref="CanonicalReader"/> (a ref struct, so it cannot be captured by lambdas).</summary>
internal delegate T ReadFunc<out T>(ref CanonicalReader reader);

internal static class Decode
{
    /// <summary>Reads one value that must be the whole input.</summary>
    public static T Whole<T>(byte[] input, ReadFunc<T> read)
    {
        var reader = new CanonicalReader(input);
        var value = read(ref reader);
        reader.EnsureEnd();
        return value;
    }

    /// <summary>The class of the refusal; fails the test when the input is accepted or something else is thrown.</summary>
    public static DecodeError Refusal<T>(byte[] input, ReadFunc<T> read)
    {
        var ex = Assert.Throws<DecodeException>(() => Whole(input, read));
        return ex.Error;
    }

    public static byte[] Write(Action<CanonicalWriter> write)
    {
        var writer = new CanonicalWriter();
        write(writer);
        return writer.ToArray();
    }
}
