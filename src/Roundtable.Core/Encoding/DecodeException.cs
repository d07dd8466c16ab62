namespace Roundtable.Core.Encoding;

/// <summary>Thrown by every decoder for any input it refuses; never anything else.</summary>
public sealed class DecodeException : Exception
{
    /// <summary>Creates the exception with its class and a human-readable reason.</summary>
    public DecodeException(DecodeError error, string message)
        : base(message)
    {
        Error = error;
    }

    /// <summary>Creates an exception without a class; prefer the other constructor.</summary>
    public DecodeException()
        : this(DecodeError.InvalidValue, "Invalid encoding.")
    {
    }

    /// <summary>Creates an exception without a class; prefer the other constructor.</summary>
    public DecodeException(string message)
        : this(DecodeError.InvalidValue, message)
    {
    }

    /// <summary>Creates an exception without a class; prefer the other constructor.</summary>
    public DecodeException(string message, Exception innerException)
        : base(message, innerException)
    {
        Error = DecodeError.InvalidValue;
    }

    /// <summary>The rejection class.</summary>
    public DecodeError Error { get; }
}
