using System.Text.RegularExpressions;

namespace Roundtable.Proofs.Tests.Support;

/// <summary>
/// The test vectors of docs/proofs.md §9, read from the document: each <c>```proof-vector</c> block
/// is a list of <c>name = value</c> lines, a value continuing on the lines after an empty <c>name =</c>.
/// Shared by the C# verifier's tests and the browser verifier's, so both check the same bytes.
/// </summary>
internal static partial class ProofVectors
{
    public static string DocumentPath => Path.Combine(AppContext.BaseDirectory, "docs", "proofs.md");

    public static string Document() => File.ReadAllText(DocumentPath);

    public static IReadOnlyList<IReadOnlyDictionary<string, string>> Read()
    {
        var vectors = new List<IReadOnlyDictionary<string, string>>();
        foreach (Match block in VectorBlock().Matches(Document()))
        {
            var fields = new Dictionary<string, string>(StringComparer.Ordinal);
            string? name = null;
            foreach (var line in block.Groups[1].Value.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var eq = line.IndexOf(" = ", StringComparison.Ordinal);
                if (eq > 0 || line.EndsWith(" =", StringComparison.Ordinal))
                {
                    name = line[..(eq > 0 ? eq : line.Length - 2)];
                    fields[name] = eq > 0 ? line[(eq + 3)..] : string.Empty;
                }
                else if (name is not null)
                {
                    fields[name] += line;
                }
            }

            vectors.Add(fields);
        }

        return vectors;
    }

    [GeneratedRegex("```proof-vector\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex VectorBlock();
}
