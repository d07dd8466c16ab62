namespace Roundtable.Analyzers.Tests;

public sealed class UnorderedIterationTests
{
    public static TheoryData<string, string> Reported => new()
    {
        // foreach
        { "DictionaryForeach", "public static int F(Dictionary<string, int> d) { var s = 0; foreach (var kv in d) { s += kv.Value; } return s; }" },
        { "DictionaryForeachDeconstruct", "public static int F(Dictionary<string, int> d) { var s = 0; foreach (var (_, v) in d) { s += v; } return s; }" },
        { "DictionaryKeysForeach", "public static int F(Dictionary<string, int> d) { var s = 0; foreach (var k in d.Keys) { s += k.Length; } return s; }" },
        { "DictionaryValuesForeach", "public static int F(Dictionary<string, int> d) { var s = 0; foreach (var v in d.Values) { s += v; } return s; }" },
        { "HashSetForeach", "public static int F(HashSet<int> h) { var s = 0; foreach (var x in h) { s += x; } return s; }" },
        { "ConcurrentDictionaryForeach", "public static int F(ConcurrentDictionary<string, int> d) { var s = 0; foreach (var kv in d) { s += kv.Value; } return s; }" },
        { "ConcurrentDictionaryKeysForeach", "public static int F(ConcurrentDictionary<string, int> d) { var s = 0; foreach (var k in d.Keys) { s += k.Length; } return s; }" },
        { "ConcurrentBagForeach", "public static int F(ConcurrentBag<int> b) { var s = 0; foreach (var x in b) { s += x; } return s; }" },
        { "HashtableForeach", "public static int F(Hashtable t) { var s = 0; foreach (DictionaryEntry e in t) { s += e.Key.GetHashCode(); } return s; }" },
        { "ImmutableDictionaryForeach", "public static int F(ImmutableDictionary<string, int> d) { var s = 0; foreach (var kv in d) { s += kv.Value; } return s; }" },
        { "FrozenSetForeach", "public static int F(FrozenSet<int> h) { var s = 0; foreach (var x in h) { s += x; } return s; }" },
        { "DerivedDictionaryForeach", "public static int F(Ledger d) { var s = 0; foreach (var kv in d) { s += kv.Value; } return s; }" },
        // LINQ
        { "DictionaryLinqSum", "public static int F(Dictionary<string, int> d) => d.Sum(static kv => kv.Value);" },
        { "DictionaryLinqToList", "public static int F(Dictionary<string, int> d) => d.ToList().Count;" },
        { "DictionaryKeysLinq", "public static string F(Dictionary<string, int> d) => d.Keys.First();" },
        { "HashSetLinqSum", "public static int F(HashSet<int> h) => h.Sum();" },
        { "HashSetLinqFirst", "public static int F(HashSet<int> h) => h.First();" },
        { "HashSetLinqOrderBy", "public static int F(HashSet<int> h) => h.OrderBy(x => x).First();" },
        { "ConcurrentDictionaryLinq", "public static int F(ConcurrentDictionary<string, int> d) => d.Select(kv => kv.Value).Max();" },
        { "QuerySyntax", "public static int F(Dictionary<string, int> d) => (from kv in d select kv.Value).Max();" },
        { "LinqUnionSecond", "public static int F(List<int> l, HashSet<int> h) => l.Union(h).Last();" },
        // Spreads, copies, ToArray
        { "DictionarySpread", "public static int F(Dictionary<string, int> d) { KeyValuePair<string, int>[] a = [.. d]; return a.Length; }" },
        { "HashSetSpreadIntoList", "public static List<int> F(HashSet<int> h) => [.. h];" },
        { "NewListFromDictionary", "public static int F(Dictionary<string, int> d) => new List<KeyValuePair<string, int>>(d).Count;" },
        { "NewListFromHashSet", "public static List<int> F(HashSet<int> h) => new(h);" },
        { "ListAddRange", "public static void F(List<int> l, HashSet<int> h) => l.AddRange(h);" },
        { "StringJoin", "public static string F(HashSet<int> h) => string.Join(\",\", h);" },
        { "ConcurrentDictionaryToArray", "public static int F(ConcurrentDictionary<string, int> d) => d.ToArray().Length;" },
        { "ConcurrentBagToArray", "public static int F(ConcurrentBag<int> b) => b.ToArray()[0];" },
        { "ConcurrentBagTryTake", "public static int F(ConcurrentBag<int> b) => b.TryTake(out var x) ? x : 0;" },
        { "HashSetCopyTo", "public static int[] F(HashSet<int> h) { var a = new int[h.Count]; h.CopyTo(a); return a; }" },
        { "ExposedAsEnumerable", "public static IEnumerable<int> F(HashSet<int> h) => h;" },
        { "AssignedToEnumerable", "public static int F(Dictionary<string, int> d) { IEnumerable<KeyValuePair<string, int>> e = d; return e.Count(); }" },
    };

    public static TheoryData<string, string> Allowed => new()
    {
        { "SortedDictionaryForeach", "public static int F(SortedDictionary<string, int> d) { var s = 0; foreach (var (k, v) in d) { s += v + k.Length; } return s; }" },
        { "SortedDictionaryKeysLinq", "public static int F(SortedDictionary<string, int> d) => d.Keys.Sum(k => k.Length) + d.Values.Sum();" },
        { "SortedSetForeach", "public static int F(SortedSet<int> h) { var s = 0; foreach (var x in h) { s += x; } return s.CompareTo(h.Min); }" },
        { "SortedListForeach", "public static int F(SortedList<int, int> l) { var s = 0; foreach (var kv in l) { s += kv.Value; } return s; }" },
        { "ImmutableSortedForeach", "public static int F(ImmutableSortedDictionary<int, int> d, ImmutableSortedSet<int> s) { var n = 0; foreach (var kv in d) { n += kv.Value; } return n + s.Sum(); }" },
        { "ListAndArrayLinq", "public static int F(List<int> l, int[] a) { var s = 0; foreach (var x in l.Where(x => x > 0)) { s += x; } return s + a.Sum() + l.OrderBy(x => x).First() + l.ToList().Count; }" },
        { "DictionaryLookups", "public static int F(Dictionary<string, int> d) => d.TryGetValue(\"a\", out var v) ? v + d.Count : d.ContainsKey(\"b\") ? d[\"b\"] : d.GetValueOrDefault(\"c\");" },
        { "DictionaryMutation", "public static void F(Dictionary<string, int> d) { d[\"a\"] = 1; d.TryAdd(\"b\", 2); d.Remove(\"a\"); d.Clear(); }" },
        { "HashSetMembership", "public static bool F(HashSet<int> h, List<int> l) => h.Add(1) && h.Contains(2) && l.Where(x => h.Contains(x)).Any() && h.Remove(3);" },
        { "OrderInsensitiveLinq", "public static bool F(HashSet<int> h, Dictionary<string, int> d) => h.Count() + d.LongCount() > 0 && h.Any() && h.All(x => x > 0) && d.Any(kv => kv.Value > 0) && Enumerable.Contains(h, 4);" },
        { "SetArgumentOfExcept", "public static int F(List<int> l, HashSet<int> h) => l.Except(h).Sum() + l.Intersect(h).Sum();" },
        { "CopyIntoSorted", "public static int F(HashSet<int> h, Dictionary<string, int> d) => new SortedSet<int>(h).Min + new SortedDictionary<string, int>(d, StringComparer.Ordinal).Count + d.ToImmutableSortedDictionary(StringComparer.Ordinal).Count;" },
        { "CopyIntoHashCollections", "public static int F(HashSet<int> h, Dictionary<string, int> d) => new HashSet<int>(h).Count + h.ToHashSet().Count + d.ToDictionary(kv => kv.Key, kv => kv.Value).Count + h.ToFrozenSet().Count + new ConcurrentDictionary<string, int>(d).Count;" },
        { "SpreadIntoSorted", "public static SortedSet<int> F(HashSet<int> h) => [.. h];" },
        { "SetAlgebra", "public static bool F(HashSet<int> h, SortedSet<int> s, ISet<int> i) { s.UnionWith(h); h.ExceptWith(s); return h.SetEquals(s) && s.IsSubsetOf(h) && i.Overlaps(h); }" },
        { "EmptyCollectionExpressions", "private static readonly Dictionary<int, int> D = []; private static readonly HashSet<int> H = []; public static int F() => D.Count + H.Count;" },
        { "LookupInterfaceView", "public static IReadOnlyDictionary<string, int> F(Dictionary<string, int> d) => d;" },
    };

    [Theory]
    [MemberData(nameof(Reported))]
    public void Unordered_iteration_is_reported(string name, string members)
    {
        var diagnostics = AnalyzerHarness.Analyze(members, "public sealed class Ledger : Dictionary<string, int>;");
        Assert.True(diagnostics.Any(d => d.Id == "RT0001"), name + ": " + AnalyzerHarness.Describe(diagnostics));
    }

    [Theory]
    [MemberData(nameof(Allowed))]
    public void Ordered_collections_lookups_and_order_insensitive_uses_are_not_reported(string name, string members)
    {
        var diagnostics = AnalyzerHarness.Analyze(members);
        Assert.True(diagnostics.Count == 0, name + ": " + AnalyzerHarness.Describe(diagnostics));
    }

    [Fact]
    public void The_diagnostic_is_an_error_that_names_the_consumer_the_collection_and_the_remedy()
    {
        var diagnostic = Assert.Single(AnalyzerHarness.Analyze("public static int F(HashSet<int> h) => h.Sum();"));
        Assert.Equal("RT0001", diagnostic.Id);
        Assert.Equal(Microsoft.CodeAnalysis.DiagnosticSeverity.Error, diagnostic.Severity);
        var message = diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains("LINQ 'Enumerable.Sum'", message, StringComparison.Ordinal);
        Assert.Contains("'HashSet<int>'", message, StringComparison.Ordinal);
        Assert.Contains("SortedDictionary/SortedSet", message, StringComparison.Ordinal);
        Assert.Equal("h", diagnostic.Location.SourceTree!.GetText().ToString(diagnostic.Location.SourceSpan));
    }

    [Fact]
    public void One_foreach_is_reported_once_at_its_collection()
    {
        var diagnostic = Assert.Single(AnalyzerHarness.Analyze("public static int F(Dictionary<string, int> d) { var s = 0; foreach (var (_, v) in d) { s += v; } return s; }"));
        Assert.Equal("d", diagnostic.Location.SourceTree!.GetText().ToString(diagnostic.Location.SourceSpan));
        Assert.StartsWith("Unordered iteration: foreach enumerates 'Dictionary<string, int>'", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }
}
