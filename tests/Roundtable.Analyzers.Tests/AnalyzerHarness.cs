using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Roundtable.Analyzers.Tests;

/// <summary>
/// Compiles a snippet in memory against the running runtime's assemblies and runs the
/// determinism analyzers on it.
/// </summary>
internal static class AnalyzerHarness
{
    private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(() =>
        [.. ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Where(p => p.EndsWith(".dll", StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal)
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))]);

    private static readonly ImmutableArray<DiagnosticAnalyzer> Analyzers =
        [new UnorderedIterationAnalyzer(), new FloatingPointAnalyzer()];

    /// <summary>The file every snippet is wrapped in: <c>{0}</c> members of a static class, <c>{1}</c> extra types.</summary>
    private const string Template = """
        using System;
        using System.Collections;
        using System.Collections.Concurrent;
        using System.Collections.Frozen;
        using System.Collections.Generic;
        using System.Collections.Immutable;
        using System.Linq;

        namespace Probe;

        public static class C
        {
            {0}
        }

        {1}
        """;

    /// <summary>The analyzer diagnostics for <paramref name="members"/>, after checking the snippet compiles.</summary>
    public static IReadOnlyList<Diagnostic> Analyze(string members, string types = "")
    {
        var source = Template.Replace("{0}", members, StringComparison.Ordinal).Replace("{1}", types, StringComparison.Ordinal);
        var tree = CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest), path: "Probe.cs");
        var compilation = CSharpCompilation.Create(
            "Probe",
            [tree],
            References.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, "The snippet does not compile:\n" + string.Join("\n", errors) + "\n" + source);

        var diagnostics = compilation.WithAnalyzers(Analyzers).GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();
        Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
        return [.. diagnostics.OrderBy(d => d.Location.SourceSpan.Start).ThenBy(d => d.Id, StringComparer.Ordinal)];
    }

    public static string Describe(IEnumerable<Diagnostic> diagnostics) =>
        "[" + string.Join("; ", diagnostics.Select(d => d.Id + " at '" + d.Location.SourceTree!.GetText().ToString(d.Location.SourceSpan) + "': " + d.GetMessage(System.Globalization.CultureInfo.InvariantCulture))) + "]";
}
