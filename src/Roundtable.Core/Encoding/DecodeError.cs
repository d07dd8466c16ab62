namespace Roundtable.Core.Encoding;

/// <summary>Why canonical bytes were refused. Every class has its own test.</summary>
public enum DecodeError
{
    /// <summary>The input ended before the value did.</summary>
    Truncated,

    /// <summary>Bytes remain after a complete value.</summary>
    TrailingBytes,

    /// <summary>A length or count exceeds its limit.</summary>
    Oversize,

    /// <summary>The value has a shorter or otherwise preferred encoding (overlong varint, boolean other than 0/1, unsorted set).</summary>
    NonCanonical,

    /// <summary>The bytes are well-formed but the value is not allowed (bad UTF-8, unknown algorithm, out-of-range number).</summary>
    InvalidValue,

    /// <summary>A type or version tag that this software does not know.</summary>
    UnknownType,
}
