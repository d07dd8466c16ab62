using Microsoft.CodeAnalysis;

namespace Roundtable.Analyzers;

/// <summary>The diagnostics of the determinism analyzers (see docs/determinism.md).</summary>
public static class Descriptors
{
    /// <summary>Category of every Roundtable determinism diagnostic.</summary>
    public const string Category = "Roundtable.Determinism";

    /// <summary>RT0001: iteration over a collection whose enumeration order is unspecified.</summary>
    public static readonly DiagnosticDescriptor UnorderedIteration = new(
        id: "RT0001",
        title: "Unordered iteration in deterministic code",
        messageFormat: "Unordered iteration: {0} enumerates '{1}', whose order is unspecified (an implementation detail of hash codes, bucket count and insertion/removal history) and can differ between nodes, runs and runtime versions, so replicas may diverge; " +
                       "iterate a SortedDictionary/SortedSet/SortedList or an ordered list instead, or copy into one first (new SortedSet<T>(set, comparer)); lookups (TryGetValue, ContainsKey, Contains, indexers, Count) stay allowed",
        category: Category,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "Inside consensus and the application every node must compute the same result from the same input. Dictionary, HashSet, ConcurrentDictionary, ConcurrentBag, Hashtable, the immutable and frozen hash collections and their Keys/Values enumerate in an order that is not part of their contract. foreach, LINQ, spreads and copies into ordered sequences expose that order.",
        helpLinkUri: "docs/determinism.md");

    /// <summary>RT0002: a floating-point type in deterministic code.</summary>
    public static readonly DiagnosticDescriptor FloatingPoint = new(
        id: "RT0002",
        title: "Floating point in deterministic code",
        messageFormat: "Floating point: {0} uses '{1}'; float, double and Half results (rounding, transcendental Math functions, formatting and parsing) can differ between CPUs, JIT and runtime versions, so replicas may diverge; " +
                       "use integers (scaled fixed point such as basis points, UInt128 for wide products), decimal, or an integer rational",
        category: Category,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "Inside consensus and the application every node must compute the same result from the same input. Floating-point values are banned as types of fields, properties, parameters, returns, locals and expressions, including literals, casts and Math/MathF calls.",
        helpLinkUri: "docs/determinism.md");
}
