using System;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Roundtable.Analyzers;

/// <summary>
/// RT0001: reports every place where a collection with an unspecified enumeration order (a hash
/// collection, or its Keys/Values) is consumed as a sequence: foreach, LINQ and any other call
/// taking IEnumerable, collection-expression spreads, ToArray/CopyTo/GetEnumerator, and implicit
/// conversions to IEnumerable. Order-insensitive uses stay allowed: lookups, Count/Any/All/Contains,
/// set algebra, and copies into another hash collection or into a sorted collection.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class UnorderedIterationAnalyzer : DiagnosticAnalyzer
{
    private static readonly string[] UnorderedTypeNames =
    [
        "System.Collections.Generic.Dictionary`2",
        "System.Collections.Generic.HashSet`1",
        "System.Collections.Concurrent.ConcurrentDictionary`2",
        "System.Collections.Concurrent.ConcurrentBag`1",
        "System.Collections.Hashtable",
        "System.Collections.Specialized.HybridDictionary",
        "System.Collections.Specialized.StringDictionary",
        "System.Collections.Immutable.ImmutableDictionary`2",
        "System.Collections.Immutable.ImmutableHashSet`1",
        "System.Collections.Frozen.FrozenDictionary`2",
        "System.Collections.Frozen.FrozenSet`1",
    ];

    private static readonly string[] SortedTypeNames =
    [
        "System.Collections.Generic.SortedDictionary`2",
        "System.Collections.Generic.SortedList`2",
        "System.Collections.Generic.SortedSet`1",
        "System.Collections.SortedList",
        "System.Collections.Immutable.ImmutableSortedDictionary`2",
        "System.Collections.Immutable.ImmutableSortedSet`1",
    ];

    private static readonly string[] SetInterfaceNames =
    [
        "System.Collections.Generic.ISet`1",
        "System.Collections.Generic.IReadOnlySet`1",
        "System.Collections.Immutable.IImmutableSet`1",
    ];

    /// <summary>Enumerable methods whose result does not depend on the order of the source.</summary>
    private static readonly ImmutableHashSet<string> OrderInsensitiveLinq =
        ImmutableHashSet.Create(StringComparer.Ordinal, "Count", "LongCount", "Any", "All", "Contains");

    /// <summary>Enumerable methods that only look elements of their second sequence up (it becomes a set).</summary>
    private static readonly ImmutableHashSet<string> LookupOnlySecondSequence =
        ImmutableHashSet.Create(StringComparer.Ordinal, "Except", "ExceptBy", "Intersect", "IntersectBy");

    /// <summary>Instance methods of the unordered collections that expose their order.</summary>
    private static readonly ImmutableHashSet<string> OrderExposingMembers =
        ImmutableHashSet.Create(StringComparer.Ordinal, "GetEnumerator", "ToArray", "CopyTo", "TryTake", "TryPeek");

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.UnorderedIteration);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            var types = new KnownTypes(start.Compilation);
            start.RegisterOperationAction(c => AnalyzeForEach(c, types), OperationKind.Loop);
            start.RegisterOperationAction(c => AnalyzeSpread(c, types), OperationKind.Spread);
            start.RegisterOperationAction(c => AnalyzeArgument(c, types), OperationKind.Argument);
            start.RegisterOperationAction(c => AnalyzeInvocation(c, types), OperationKind.Invocation);
            start.RegisterOperationAction(c => AnalyzeConversion(c, types), OperationKind.Conversion);
        });
    }

    private static void AnalyzeForEach(OperationAnalysisContext context, KnownTypes types)
    {
        if (context.Operation is IForEachLoopOperation loop &&
            types.UnorderedSource(loop.Collection) is { } source)
        {
            Report(context, loop.Collection.Syntax, loop.IsAsynchronous ? "await foreach" : "foreach", source);
        }
    }

    private static void AnalyzeSpread(OperationAnalysisContext context, KnownTypes types)
    {
        var spread = (ISpreadOperation)context.Operation;
        if (types.UnorderedSource(spread.Operand) is not { } source)
        {
            return;
        }

        // Spreading into another hash collection or a sorted collection does not expose the order.
        if (spread.Parent is ICollectionExpressionOperation { Type: { } target } && types.IsOrderNeutralTarget(target))
        {
            return;
        }

        Report(context, spread.Syntax, "a collection-expression spread", source);
    }

    private static void AnalyzeArgument(OperationAnalysisContext context, KnownTypes types)
    {
        var argument = (IArgumentOperation)context.Operation;
        if (argument.Parameter is not { } parameter ||
            !types.IsSequenceInterface(parameter.Type) ||
            types.UnorderedSource(argument.Value) is not { } source)
        {
            return;
        }

        var method = parameter.ContainingSymbol as IMethodSymbol;
        if (method is not null && types.IsOrderInsensitiveConsumer(method, parameter))
        {
            return;
        }

        Report(context, argument.Value.Syntax, Describe(method), source);
    }

    private static void AnalyzeInvocation(OperationAnalysisContext context, KnownTypes types)
    {
        var invocation = (IInvocationOperation)context.Operation;
        if (invocation.Instance is { } instance &&
            OrderExposingMembers.Contains(invocation.TargetMethod.Name) &&
            types.UnorderedSource(instance) is { } source)
        {
            Report(context, invocation.Syntax, "'" + invocation.TargetMethod.Name + "'", source);
        }
    }

    private static void AnalyzeConversion(OperationAnalysisContext context, KnownTypes types)
    {
        var conversion = (IConversionOperation)context.Operation;

        // Arguments, foreach collections and spreads are judged by their consumer above.
        if (conversion.Parent is IArgumentOperation or IForEachLoopOperation or ISpreadOperation or IConversionOperation ||
            !types.IsSequenceInterface(conversion.Type) ||
            types.UnorderedSource(conversion.Operand) is not { } source)
        {
            return;
        }

        Report(context, conversion.Operand.Syntax, "the conversion to '" + conversion.Type!.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat) + "'", source);
    }

    private static string Describe(IMethodSymbol? method)
    {
        if (method is null)
        {
            return "a call";
        }

        if (method.MethodKind == MethodKind.Constructor)
        {
            return "the '" + method.ContainingType.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat) + "' constructor";
        }

        var linq = method.ContainingType.ToDisplayString() == "System.Linq.Enumerable" ? "LINQ " : string.Empty;
        return linq + "'" + method.ContainingType.Name + "." + method.Name + "'";
    }

    private static void Report(OperationAnalysisContext context, SyntaxNode node, string consumer, ITypeSymbol source) =>
        context.ReportDiagnostic(Diagnostic.Create(
            Descriptors.UnorderedIteration,
            node.GetLocation(),
            consumer,
            source.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat)));

    private sealed class KnownTypes
    {
        private readonly ImmutableArray<INamedTypeSymbol> _unordered;
        private readonly ImmutableArray<INamedTypeSymbol> _sorted;
        private readonly ImmutableArray<INamedTypeSymbol> _setInterfaces;
        private readonly INamedTypeSymbol? _enumerable;
        private readonly INamedTypeSymbol? _genericEnumerable;
        private readonly INamedTypeSymbol? _linqEnumerable;

        public KnownTypes(Compilation compilation)
        {
            _unordered = Resolve(compilation, UnorderedTypeNames);
            _sorted = Resolve(compilation, SortedTypeNames);
            _setInterfaces = Resolve(compilation, SetInterfaceNames);
            _enumerable = compilation.GetSpecialType(SpecialType.System_Collections_IEnumerable);
            _genericEnumerable = compilation.GetSpecialType(SpecialType.System_Collections_Generic_IEnumerable_T);
            _linqEnumerable = compilation.GetTypeByMetadataName("System.Linq.Enumerable");
        }

        /// <summary>IEnumerable or IEnumerable&lt;T&gt;: the types through which a sequence is consumed in order.</summary>
        public bool IsSequenceInterface(ITypeSymbol? type) =>
            type is INamedTypeSymbol named &&
            (SymbolEqualityComparer.Default.Equals(named, _enumerable) ||
             SymbolEqualityComparer.Default.Equals(named.OriginalDefinition, _genericEnumerable));

        /// <summary>
        /// The unordered collection type behind <paramref name="operation"/> (looking through
        /// conversions), or null. The Keys/Values (or any other enumerable property) of an unordered
        /// collection count as unordered too, whatever their declared type.
        /// </summary>
        public ITypeSymbol? UnorderedSource(IOperation operation)
        {
            while (operation is IConversionOperation conversion)
            {
                if (IsUnordered(conversion.Type))
                {
                    return conversion.Type;
                }

                operation = conversion.Operand;
            }

            if (IsUnordered(operation.Type))
            {
                return operation.Type;
            }

            if (operation is IPropertyReferenceOperation { Property: { } property } reference &&
                property.Type.SpecialType != SpecialType.System_String &&
                IsEnumerable(property.Type) &&
                (IsUnordered(property.ContainingType) || (reference.Instance is { } instance && IsUnordered(instance.Type))))
            {
                return property.Type;
            }

            return null;
        }

        /// <summary>A consumer whose result does not depend on the order in which it reads the source.</summary>
        public bool IsOrderInsensitiveConsumer(IMethodSymbol method, IParameterSymbol parameter)
        {
            var containing = method.ContainingType;

            // Copies into (or set algebra with) another hash collection or a sorted collection,
            // and set comparisons through the set interfaces.
            if (IsOrderNeutralTarget(containing) || IsSetInterface(containing))
            {
                return true;
            }

            // Static factories and extensions that build one: ToHashSet, ToDictionary,
            // ToImmutableSortedSet, ImmutableSortedDictionary.CreateRange, ToFrozenSet, ...
            if (method.IsStatic && method.MethodKind != MethodKind.Constructor && IsOrderNeutralTarget(method.ReturnType))
            {
                return true;
            }

            if (!SymbolEqualityComparer.Default.Equals(containing, _linqEnumerable))
            {
                return false;
            }

            return OrderInsensitiveLinq.Contains(method.Name) ||
                   (parameter.Ordinal == 1 && LookupOnlySecondSequence.Contains(method.Name));
        }

        /// <summary>A hash collection or a sorted collection: copying into one does not expose the source order.</summary>
        public bool IsOrderNeutralTarget(ITypeSymbol? type) => IsUnordered(type) || IsSorted(type);

        private static ImmutableArray<INamedTypeSymbol> Resolve(Compilation compilation, string[] names)
        {
            var builder = ImmutableArray.CreateBuilder<INamedTypeSymbol>(names.Length);
            foreach (var name in names)
            {
                if (compilation.GetTypeByMetadataName(name) is { } type)
                {
                    builder.Add(type);
                }
            }

            return builder.ToImmutable();
        }

        private static bool Matches(ITypeSymbol? type, ImmutableArray<INamedTypeSymbol> candidates)
        {
            // The type itself, a type derived from it, or a type nested in it (KeyCollection, Enumerator, Builder, ...).
            for (var nesting = type as INamedTypeSymbol; nesting is not null; nesting = nesting.ContainingType)
            {
                for (var current = nesting; current is not null; current = current.BaseType)
                {
                    foreach (var candidate in candidates)
                    {
                        if (SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, candidate))
                        {
                            return true;
                        }
                    }
                }
            }

            return false;
        }

        private bool IsUnordered(ITypeSymbol? type) => Matches(type, _unordered);

        private bool IsSorted(ITypeSymbol? type) => Matches(type, _sorted);

        private bool IsSetInterface(INamedTypeSymbol type)
        {
            foreach (var candidate in _setInterfaces)
            {
                if (SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, candidate))
                {
                    return true;
                }
            }

            return false;
        }

        private bool IsEnumerable(ITypeSymbol type) =>
            IsSequenceInterface(type) || type.AllInterfaces.Any(i => IsSequenceInterface(i));
    }
}
