using System.Globalization;

namespace Roundtable.Storage;

/// <summary>
/// Stored data is damaged in a way that cannot be repaired without losing data that was
/// acknowledged as durable (a bad record with valid data after it, a height gap, a bad file
/// header). The message names the file, the byte offset and the problem; the node stops with it
/// so that an operator can restore the directory or resynchronise from peers.
/// </summary>
public sealed class StoreCorruptedException : Exception
{
    /// <summary>Creates the exception for <paramref name="filePath"/> at <paramref name="offset"/> (null when the whole file is concerned).</summary>
    public StoreCorruptedException(string filePath, long? offset, string problem)
        : base(Format(filePath, offset, problem))
    {
        FilePath = filePath;
        Offset = offset;
        Problem = problem;
    }

    /// <summary>Creates the exception with a cause.</summary>
    public StoreCorruptedException(string filePath, long? offset, string problem, Exception innerException)
        : base(Format(filePath, offset, problem), innerException)
    {
        FilePath = filePath;
        Offset = offset;
        Problem = problem;
    }

    /// <summary>Creates an exception without a location; prefer the other constructors.</summary>
    public StoreCorruptedException()
        : this("(unknown file)", null, "stored data is corrupted")
    {
    }

    /// <summary>Creates an exception without a location; prefer the other constructors.</summary>
    public StoreCorruptedException(string message)
        : base(message)
    {
        FilePath = "(unknown file)";
        Problem = message;
    }

    /// <summary>Creates an exception without a location; prefer the other constructors.</summary>
    public StoreCorruptedException(string message, Exception innerException)
        : base(message, innerException)
    {
        FilePath = "(unknown file)";
        Problem = message;
    }

    /// <summary>Full path of the damaged file.</summary>
    public string FilePath { get; }

    /// <summary>Byte offset of the damage inside <see cref="FilePath"/>, when it has one.</summary>
    public long? Offset { get; }

    /// <summary>What is wrong, without the location.</summary>
    public string Problem { get; }

    private static string Format(string filePath, long? offset, string problem) =>
        offset is { } o
            ? string.Create(CultureInfo.InvariantCulture, $"Storage corrupted: {filePath} at byte offset {o}: {problem}")
            : $"Storage corrupted: {filePath}: {problem}";
}
