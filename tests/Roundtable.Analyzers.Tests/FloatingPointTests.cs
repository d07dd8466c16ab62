namespace Roundtable.Analyzers.Tests;

public sealed class FloatingPointTests
{
    public static TheoryData<string, string> Reported => new()
    {
        { "DoubleLocal", "public static int F(int x) { double d = x; return d > 1 ? 1 : 0; }" },
        { "VarLocal", "public static int F() { var d = 1.5; return d.GetHashCode(); }" },
        { "SingleLocal", "public static int F(int x) { float f = x * 0.5f; return f > 1 ? 1 : 0; }" },
        { "DoubleSignature", "public static double F(double x) => x * 1.5;" },
        { "DoubleParameterOnly", "public static int F(double x) => 0;" },
        { "DoubleReturnOnly", "public static double F() => 0;" },
        { "DoubleArithmetic", "public static bool F(int x) => x / 2.0 > (double)x / 3;" },
        { "DoubleLiteralInIntegerContext", "public static int F(int x) => (int)(x * 2.0);" },
        { "MathSqrt", "public static int F(int x) => (int)Math.Sqrt(x);" },
        { "MathFSqrt", "public static int F(int x) => (int)MathF.Sqrt(x);" },
        { "MathPow", "public static long F(int x) => (long)Math.Pow(2, x);" },
        { "HalfCast", "public static int F(int x) => (int)(Half)x;" },
        { "DoubleField", "public static double Rate;" },
        { "ConstDoubleField", "public const double Rate = 0.25; public static int F() => 0;" },
        { "FloatProperty", "public static float Rate { get; set; }" },
        { "NullableDoubleParameter", "public static int F(double? x) => x.HasValue ? 1 : 0;" },
        { "DoubleListField", "public static readonly List<double> Rates = [];" },
        { "DoubleArrayReturn", "public static double[] F() => [];" },
        { "TupleWithDouble", "public static (int, double) F() => (1, 2);" },
        { "LambdaBody", "public static int F(List<int> l) => l.Select(i => i * 0.5).Count();" },
        { "ExplicitLambdaParameter", "public static Func<int, int> F() => (int i) => i;  public static int G() => new Func<double, int>((double d) => 1).GetHashCode();" },
        { "LocalFunction", "public static int F(int x) { return (int)Half(x); static double Half(int v) => v / 2; }" },
        { "TypeTest", "public static bool F(object o) => o is double;" },
        { "DeclarationPattern", "public static int F(object o) => o is float f ? 1 : 0;" },
        { "TypeOf", "public static Type F() => typeof(double);" },
        { "ParseDouble", "public static long F(string s) => (long)double.Parse(s, System.Globalization.CultureInfo.InvariantCulture);" },
        { "TryParseOutVar", "public static bool F(string s) => double.TryParse(s, out var d);" },
        { "Interpolation", "public static string F(int x) => $\"{x / 3.0}\";" },
        { "DoubleToDecimal", "public static decimal F(int x) => (decimal)(x * 0.1);" },
        { "ObjectFromDouble", "public static object F() => 1.5;" },
    };

    public static TheoryData<string, string> Allowed => new()
    {
        { "DecimalArithmetic", "public static decimal F(decimal a, decimal b) => decimal.Round(a * b / 3m, 2, MidpointRounding.ToEven) + Math.Round(a) + 0.5m;" },
        { "IntegerMath", "public static long F(int a, long b) => Math.Max(a, b) + Math.Abs(a) + Math.Min(a, 3) + (long)Math.BigMul(a, a) + Math.DivRem(b, 7, out var r) + r;" },
        { "WideIntegers", "public static UInt128 F(ulong a, ulong b) => (UInt128)a * b / 3;" },
        { "DecimalFields", "public static readonly decimal Rate = 0.25m; public static decimal Scale { get; } = 100m; public static int F(decimal d) => (int)(d * Rate * Scale);" },
        { "Integers", "public static int F(int x) { var a = x * 3; uint b = (uint)a; return checked((int)(b >> 1)) + (x / 2); }" },
    };

    [Theory]
    [MemberData(nameof(Reported))]
    public void Floating_point_is_reported(string name, string members)
    {
        var diagnostics = AnalyzerHarness.Analyze(members);
        Assert.True(diagnostics.Any(d => d.Id == "RT0002"), name + ": " + AnalyzerHarness.Describe(diagnostics));
        Assert.All(diagnostics, d => Assert.Equal("RT0002", d.Id));
    }

    [Theory]
    [MemberData(nameof(Allowed))]
    public void Decimal_and_integer_arithmetic_are_not_reported(string name, string members)
    {
        var diagnostics = AnalyzerHarness.Analyze(members);
        Assert.True(diagnostics.Count == 0, name + ": " + AnalyzerHarness.Describe(diagnostics));
    }

    [Theory]
    [InlineData("public static int F(int x) => (int)Math.Sqrt(x);", "(int)Math.Sqrt(x)")]
    [InlineData("public static bool F(int x) => x / 2.0 > (double)x / 3;", "x / 2.0 > (double)x / 3")]
    [InlineData("public static int F(int x) => (int)(x * 2.0);", "(int)(x * 2.0)")]
    [InlineData("public static object F() => 1.5;", "1.5")]
    public void A_floating_point_expression_is_reported_once_at_its_outermost_operation(string members, string expected)
    {
        var diagnostics = AnalyzerHarness.Analyze(members);
        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal(expected, diagnostic.Location.SourceTree!.GetText().ToString(diagnostic.Location.SourceSpan));
    }

    [Fact]
    public void A_declaration_is_reported_without_repeating_its_initializer_or_body()
    {
        var diagnostics = AnalyzerHarness.Analyze("public static double F(double x) => x * 1.5; public static int G(int x) { double d = x; return 0; }");
        Assert.Equal(3, diagnostics.Count);
        var messages = diagnostics.Select(d => d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Contains(messages, m => m.StartsWith("Floating point: the return type of 'F' uses 'double'", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.StartsWith("Floating point: parameter 'x' uses 'double'", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.StartsWith("Floating point: local 'd' uses 'double'", StringComparison.Ordinal));
        Assert.All(messages, m => Assert.Contains("decimal", m, StringComparison.Ordinal));
        Assert.All(diagnostics, d => Assert.Equal(Microsoft.CodeAnalysis.DiagnosticSeverity.Error, d.Severity));
    }
}
