using Roundtable.Core.Encoding;

namespace Roundtable.Application.Tests.Support;

internal static class Records
{
    /// <summary>Records hold lists, so record equality is by reference; compare canonical encodings instead.</summary>
    public static void AssertSame<T>(T expected, T actual)
        where T : ICanonical<T> =>
        Assert.Equal(Convert.ToHexString(Canonical.ToBytes(expected)), Convert.ToHexString(Canonical.ToBytes(actual)));
}
