using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Roundtable.Analyzers;

/// <summary>
/// RT0002: reports float, double and System.Half wherever they appear as a type: declarations
/// (fields, properties, events, methods' returns and parameters, delegates, base types, locals,
/// local functions, explicitly typed lambda parameters) and expressions (literals, casts,
/// arithmetic, comparisons, Math/MathF calls, typeof/is/patterns). Types built from them
/// (double[], List&lt;double&gt;, double?, tuples) count too. Each floating-point expression is
/// reported once, at its outermost operation, and not again where its declaration already is.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class FloatingPointAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.FloatingPoint);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            var floating = new FloatingTypes(start.Compilation);
            start.RegisterSymbolAction(c => AnalyzeMember(c, floating), SymbolKind.Field, SymbolKind.Property, SymbolKind.Event, SymbolKind.Method);
            start.RegisterSymbolAction(c => AnalyzeNamedType(c, floating), SymbolKind.NamedType);
            start.RegisterOperationAction(c => AnalyzeDeclarator(c, floating), OperationKind.VariableDeclarator);
            start.RegisterOperationAction(c => AnalyzeLocalFunction(c, floating), OperationKind.LocalFunction);
            start.RegisterOperationAction(c => AnalyzeLambda(c, floating), OperationKind.AnonymousFunction);
            start.RegisterOperationAction(c => AnalyzeTypeOperand(c, floating), OperationKind.TypeOf, OperationKind.SizeOf, OperationKind.IsType);
            start.RegisterOperationAction(
                c => AnalyzePattern(c, floating),
                OperationKind.DeclarationPattern, OperationKind.TypePattern, OperationKind.RecursivePattern);
            start.RegisterOperationAction(c => AnalyzeExpression(c, floating), ExpressionKinds);
        });
    }

    /// <summary>Every operation kind that has a value (and so a type) worth checking.</summary>
    private static readonly ImmutableArray<OperationKind> ExpressionKinds = ImmutableArray.Create(
        OperationKind.Literal, OperationKind.Conversion, OperationKind.Invocation, OperationKind.ObjectCreation,
        OperationKind.ArrayCreation, OperationKind.CollectionExpression, OperationKind.Binary, OperationKind.Unary,
        OperationKind.CompoundAssignment, OperationKind.SimpleAssignment, OperationKind.DeconstructionAssignment,
        OperationKind.Increment, OperationKind.Decrement, OperationKind.Conditional, OperationKind.Coalesce,
        OperationKind.LocalReference, OperationKind.ParameterReference, OperationKind.FieldReference,
        OperationKind.PropertyReference, OperationKind.ArrayElementReference, OperationKind.DefaultValue,
        OperationKind.DeclarationExpression, OperationKind.Tuple, OperationKind.Switch, OperationKind.SwitchExpression,
        OperationKind.ConditionalAccess, OperationKind.AnonymousObjectCreation, OperationKind.DynamicInvocation,
        OperationKind.Await, OperationKind.Throw, OperationKind.InterpolatedString);

    private static void AnalyzeMember(SymbolAnalysisContext context, FloatingTypes floating)
    {
        var symbol = context.Symbol;
        if (symbol.IsImplicitlyDeclared)
        {
            return;
        }

        switch (symbol)
        {
            case IFieldSymbol field when floating.Find(field.Type) is { } type:
                Report(context, field.Locations, "field '" + field.Name + "'", type);
                break;
            case IPropertySymbol property:
                if (floating.Find(property.Type) is { } propertyType)
                {
                    Report(context, property.Locations, "property '" + property.Name + "'", propertyType);
                }

                ReportParameters(context, property.Parameters, floating);
                break;
            case IEventSymbol @event when floating.Find(@event.Type) is { } eventType:
                Report(context, @event.Locations, "event '" + @event.Name + "'", eventType);
                break;
            case IMethodSymbol method when method.AssociatedSymbol is null:
                if (floating.Find(method.ReturnType) is { } returnType)
                {
                    Report(context, method.Locations, "the return type of '" + method.Name + "'", returnType);
                }

                ReportParameters(context, method.Parameters, floating);
                ReportConstraints(context, method.Locations, method.Name, method.TypeParameters, floating);
                break;
        }
    }

    private static void AnalyzeNamedType(SymbolAnalysisContext context, FloatingTypes floating)
    {
        var type = (INamedTypeSymbol)context.Symbol;
        if (type.IsImplicitlyDeclared)
        {
            return;
        }

        if (type.DelegateInvokeMethod is { } invoke)
        {
            if (floating.Find(invoke.ReturnType) is { } returnType)
            {
                Report(context, type.Locations, "the return type of delegate '" + type.Name + "'", returnType);
            }

            foreach (var parameter in invoke.Parameters)
            {
                if (floating.Find(parameter.Type) is { } parameterType)
                {
                    Report(context, type.Locations, "parameter '" + parameter.Name + "' of delegate '" + type.Name + "'", parameterType);
                }
            }

            return;
        }

        if (floating.Find(type.BaseType) is { } baseType)
        {
            Report(context, type.Locations, "the base type of '" + type.Name + "'", baseType);
        }

        foreach (var implemented in type.Interfaces)
        {
            if (floating.Find(implemented) is { } interfaceType)
            {
                Report(context, type.Locations, "an interface of '" + type.Name + "'", interfaceType);
            }
        }
    }

    private static void AnalyzeDeclarator(OperationAnalysisContext context, FloatingTypes floating)
    {
        var declarator = (IVariableDeclaratorOperation)context.Operation;
        if (floating.Find(declarator.Symbol.Type) is { } type)
        {
            Report(context, declarator.Syntax.GetLocation(), "local '" + declarator.Symbol.Name + "'", type);
        }
    }

    private static void AnalyzeLocalFunction(OperationAnalysisContext context, FloatingTypes floating)
    {
        var method = ((ILocalFunctionOperation)context.Operation).Symbol;
        if (floating.Find(method.ReturnType) is { } returnType)
        {
            Report(context, method.Locations, "the return type of local function '" + method.Name + "'", returnType);
        }

        ReportParameters(context, method.Parameters, floating);
    }

    private static void AnalyzeLambda(OperationAnalysisContext context, FloatingTypes floating)
    {
        // Implicitly typed lambda parameters take their type from the delegate, which is reported
        // where it is declared; explicitly written ones are reported here. The body's values are
        // checked as expressions.
        foreach (var parameter in ((IAnonymousFunctionOperation)context.Operation).Symbol.Parameters)
        {
            var written = parameter.DeclaringSyntaxReferences.Any(r => r.GetSyntax(context.CancellationToken) is ParameterSyntax { Type: not null });
            if (written && floating.Find(parameter.Type) is { } type)
            {
                Report(context, parameter.Locations, "parameter '" + parameter.Name + "'", type);
            }
        }
    }

    private static void AnalyzeTypeOperand(OperationAnalysisContext context, FloatingTypes floating)
    {
        var operand = context.Operation switch
        {
            ITypeOfOperation typeOf => typeOf.TypeOperand,
            ISizeOfOperation sizeOf => sizeOf.TypeOperand,
            IIsTypeOperation isType => isType.TypeOperand,
            _ => null,
        };
        if (floating.Find(operand) is { } type)
        {
            Report(context, context.Operation.Syntax.GetLocation(), "a type test", type);
        }
    }

    private static void AnalyzePattern(OperationAnalysisContext context, FloatingTypes floating)
    {
        var pattern = (IPatternOperation)context.Operation;
        var matched = pattern switch
        {
            IDeclarationPatternOperation declaration => declaration.MatchedType,
            ITypePatternOperation typePattern => typePattern.MatchedType,
            IRecursivePatternOperation recursive => recursive.MatchedType,
            _ => null,
        };
        if (floating.Find(matched) is { } type)
        {
            Report(context, pattern.Syntax.GetLocation(), "a pattern", type);
        }
    }

    private static void AnalyzeExpression(OperationAnalysisContext context, FloatingTypes floating)
    {
        var operation = context.Operation;
        if (floating.Involved(operation) is not { } type)
        {
            return;
        }

        // Report only the outermost floating-point operation of an expression.
        var parent = operation.Parent;
        while (parent is IArgumentOperation or IArrayInitializerOperation or IInterpolationOperation { Type: null } && parent.Parent is not null)
        {
            parent = parent.Parent;
        }

        if (parent is not null && floating.Involved(parent) is not null)
        {
            return;
        }

        // A value of the declared floating-point type of a variable, field, property, parameter
        // or method: the declaration is reported already.
        if (floating.Find(operation.Type) is not null &&
            (parent is IVariableInitializerOperation or IFieldInitializerOperation or IPropertyInitializerOperation or IParameterInitializerOperation ||
             (parent is IReturnOperation && !InsideLambda(parent))))
        {
            return;
        }

        Report(context, operation.Syntax.GetLocation(), "this expression", type);
    }

    private static bool InsideLambda(IOperation operation)
    {
        for (var current = operation.Parent; current is not null; current = current.Parent)
        {
            if (current is IAnonymousFunctionOperation)
            {
                return true;
            }

            if (current is ILocalFunctionOperation)
            {
                return false;
            }
        }

        return false;
    }

    private static void ReportParameters(SymbolAnalysisContext context, ImmutableArray<IParameterSymbol> parameters, FloatingTypes floating)
    {
        foreach (var parameter in parameters)
        {
            if (floating.Find(parameter.Type) is { } type)
            {
                Report(context, parameter.Locations, "parameter '" + parameter.Name + "'", type);
            }
        }
    }

    private static void ReportParameters(OperationAnalysisContext context, ImmutableArray<IParameterSymbol> parameters, FloatingTypes floating)
    {
        foreach (var parameter in parameters)
        {
            if (floating.Find(parameter.Type) is { } type)
            {
                Report(context, parameter.Locations, "parameter '" + parameter.Name + "'", type);
            }
        }
    }

    private static void ReportConstraints(SymbolAnalysisContext context, ImmutableArray<Location> locations, string name, ImmutableArray<ITypeParameterSymbol> typeParameters, FloatingTypes floating)
    {
        foreach (var typeParameter in typeParameters)
        {
            foreach (var constraint in typeParameter.ConstraintTypes)
            {
                if (floating.Find(constraint) is { } type)
                {
                    Report(context, locations, "a constraint of '" + name + "'", type);
                }
            }
        }
    }

    private static void Report(SymbolAnalysisContext context, ImmutableArray<Location> locations, string what, ITypeSymbol type)
    {
        foreach (var location in locations)
        {
            if (location.IsInSource)
            {
                context.ReportDiagnostic(Diagnostic.Create(Descriptors.FloatingPoint, location, what, Display(type)));
            }
        }
    }

    private static void Report(OperationAnalysisContext context, ImmutableArray<Location> locations, string what, ITypeSymbol type)
    {
        foreach (var location in locations)
        {
            if (location.IsInSource)
            {
                context.ReportDiagnostic(Diagnostic.Create(Descriptors.FloatingPoint, location, what, Display(type)));
            }
        }
    }

    private static void Report(OperationAnalysisContext context, Location location, string what, ITypeSymbol type) =>
        context.ReportDiagnostic(Diagnostic.Create(Descriptors.FloatingPoint, location, what, Display(type)));

    private static string Display(ITypeSymbol type) => type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat);

    private sealed class FloatingTypes
    {
        private readonly INamedTypeSymbol? _half;

        public FloatingTypes(Compilation compilation)
        {
            _half = compilation.GetTypeByMetadataName("System.Half");
        }

        /// <summary>
        /// The floating-point type <paramref name="operation"/> computes with: its own type (or a
        /// type built from one), the operand of a conversion from one, an operand of a built-in
        /// comparison or arithmetic on one, or a type argument of the method it calls.
        /// </summary>
        public ITypeSymbol? Involved(IOperation operation)
        {
            if (Find(operation.Type) is { } own)
            {
                return own;
            }

            return operation switch
            {
                IConversionOperation conversion => Find(conversion.Operand.Type),
                IBinaryOperation binary => Find(binary.LeftOperand.Type) ?? Find(binary.RightOperand.Type),
                IUnaryOperation unary => Find(unary.Operand.Type),
                IInvocationOperation invocation => FindAny(invocation.TargetMethod.TypeArguments),
                _ => null,
            };
        }

        /// <summary>The float, double or Half in <paramref name="type"/> (arrays, nullables, generic arguments, pointers), or null.</summary>
        public ITypeSymbol? Find(ITypeSymbol? type)
        {
            switch (type)
            {
                case null:
                    return null;
                case { SpecialType: SpecialType.System_Double or SpecialType.System_Single }:
                    return type;
                case IArrayTypeSymbol array:
                    return Find(array.ElementType);
                case IPointerTypeSymbol pointer:
                    return Find(pointer.PointedAtType);
                case IFunctionPointerTypeSymbol functionPointer:
                    return Find(functionPointer.Signature.ReturnType) ?? FindAny(functionPointer.Signature.Parameters.Select(p => p.Type));
                case INamedTypeSymbol named:
                    if (_half is not null && SymbolEqualityComparer.Default.Equals(named.OriginalDefinition, _half))
                    {
                        return type;
                    }

                    for (var current = named; current is not null; current = current.ContainingType)
                    {
                        if (FindAny(current.TypeArguments) is { } argument)
                        {
                            return argument;
                        }
                    }

                    return null;
                default:
                    return null;
            }
        }

        private ITypeSymbol? FindAny(IEnumerable<ITypeSymbol> types)
        {
            foreach (var type in types)
            {
                if (Find(type) is { } found)
                {
                    return found;
                }
            }

            return null;
        }
    }
}
