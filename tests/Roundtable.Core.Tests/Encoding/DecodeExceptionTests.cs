using Roundtable.Core.Encoding;

namespace Roundtable.Core.Tests.Encoding;

public sealed class DecodeExceptionTests
{
    [Fact]
    public void Carries_its_class_and_message()
    {
        var ex = new DecodeException(DecodeError.Truncated, "short");

        Assert.Equal(DecodeError.Truncated, ex.Error);
        Assert.Equal("short", ex.Message);
    }

    [Fact]
    public void Constructors_without_a_class_default_to_InvalidValue()
    {
        var inner = new InvalidOperationException("inner");

        Assert.Equal(DecodeError.InvalidValue, new DecodeException().Error);
        Assert.Equal(DecodeError.InvalidValue, new DecodeException("m").Error);
        var wrapped = new DecodeException("m", inner);
        Assert.Equal(DecodeError.InvalidValue, wrapped.Error);
        Assert.Same(inner, wrapped.InnerException);
    }
}
