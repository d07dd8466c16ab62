namespace Roundtable.Fuzz;

/// <summary>
/// One decoder under test. <see cref="Run"/> decodes the input and checks the properties that must
/// hold for accepted input (canonical round trip); it throws for refused input. Only exceptions
/// that <see cref="IsExpected"/> accepts count as refusals: anything else is a crash.
/// </summary>
internal sealed class FuzzTarget
{
    /// <summary>The name used on the command line and as the regression folder name.</summary>
    public required string Name { get; init; }

    /// <summary>The test project whose FuzzRegressions folder keeps this target's crashers.</summary>
    public required string TestProject { get; init; }

    /// <summary>Valid encodings built in code; the argument is the run's seed.</summary>
    public required Func<int, IEnumerable<byte[]>> Seeds { get; init; }

    /// <summary>Decodes and checks one input; returns a short label of what was accepted.</summary>
    public required Func<byte[], string> Run { get; init; }

    /// <summary>True for the typed refusals of this target.</summary>
    public required Func<Exception, bool> IsExpected { get; init; }

    /// <summary>Byte strings worth inserting or overwriting (tokens, tags, boundary varints).</summary>
    public IReadOnlyList<byte[]> Dictionary { get; init; } = [];

    /// <summary>An optional format-aware mutation; null when it does not apply to the input.</summary>
    public Func<Random, byte[], byte[]?>? StructuredMutation { get; init; }

    /// <summary>Largest input the mutator produces for this target.</summary>
    public int MaxInputSize { get; init; } = 64 * 1024;

    /// <summary>Repository-relative folder of the regression files.</summary>
    public string RegressionFolder => Path.Combine("tests", TestProject, "FuzzRegressions", Name);

    /// <summary>Repository-relative folder of the hand-made corpus files.</summary>
    public string CorpusFolder => Path.Combine("fuzz", "corpus", Name);
}

/// <summary>A decoder accepted bytes that are not the canonical encoding of what it returned.</summary>
internal sealed class CanonicalMismatchException : Exception
{
    public CanonicalMismatchException(string message)
        : base(message)
    {
    }

    public CanonicalMismatchException()
    {
    }

    public CanonicalMismatchException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
