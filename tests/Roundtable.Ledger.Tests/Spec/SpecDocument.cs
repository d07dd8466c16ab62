using System.Globalization;
using System.Text.RegularExpressions;

namespace Roundtable.Ledger.Tests.Spec;

/// <summary>
/// Reads the ledger vectors out of docs/encoding.md, sections 8 and 9:
/// <list type="bullet">
/// <item><c>```hex id</c> fences: annotated encodings, the bytes being the hex before <c>#</c> on each line;
/// a line <c>{other-id}</c> stands for the bytes of an earlier vector;</item>
/// <item>table rows <c>| `id` | what | `64 hex` |</c>: documented hashes;</item>
/// <item>table rows <c>| `xx…xx` | role | `public key` | `key id` |</c>: keys of repeated-byte scalars.</item>
/// </list>
/// </summary>
internal sealed partial class SpecDocument
{
    private readonly Dictionary<string, string> _hex = new(StringComparer.Ordinal);

    private SpecDocument()
    {
    }

    public IEnumerable<string> HexIds => _hex.Keys;

    public Dictionary<string, string> Hashes { get; } = new(StringComparer.Ordinal);

    public Dictionary<byte, (string Key, string Id)> Keys { get; } = [];

    public byte[] Hex(string id)
    {
        Assert.True(_hex.ContainsKey(id), $"docs/encoding.md has no ```hex {id} block");
        return Support.Hex.Bytes(_hex[id]);
    }

    public static SpecDocument Load()
    {
        var lines = File.ReadAllLines(FindDocument());
        var start = Array.FindIndex(lines, l => l.StartsWith("## 8.", StringComparison.Ordinal));
        Assert.True(start >= 0, "docs/encoding.md has no section 8");

        var document = new SpecDocument();
        for (var i = start; i < lines.Length; i++)
        {
            var line = lines[i];
            if (line.StartsWith("```hex ", StringComparison.Ordinal))
            {
                var id = line["```hex ".Length..].Trim();
                var hex = new System.Text.StringBuilder();
                for (i++; i < lines.Length && !lines[i].StartsWith("```", StringComparison.Ordinal); i++)
                {
                    var reference = Reference().Match(lines[i]);
                    if (reference.Success)
                    {
                        var target = reference.Groups[1].Value;
                        Assert.True(document._hex.ContainsKey(target), $"vector {id} refers to {target}, which is not defined above it");
                        hex.Append(document._hex[target]);
                    }
                    else
                    {
                        hex.Append(Support.Hex.Normalize(lines[i]));
                    }
                }

                Assert.True(document._hex.TryAdd(id, hex.ToString()), $"vector {id} is defined twice");
                continue;
            }

            var hash = HashRow().Match(line);
            if (hash.Success)
            {
                Assert.True(document.Hashes.TryAdd(hash.Groups[1].Value, hash.Groups[2].Value), $"hash {hash.Groups[1].Value} is listed twice");
                continue;
            }

            var key = KeyRow().Match(line);
            if (key.Success)
            {
                var fill = byte.Parse(key.Groups[1].Value, NumberStyles.HexNumber, CultureInfo.InvariantCulture);
                document.Keys.Add(fill, (Support.Hex.Normalize(key.Groups[2].Value), key.Groups[3].Value));
            }
        }

        return document;
    }

    private static string FindDocument()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "docs", "encoding.md");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        Assert.Fail("docs/encoding.md not found above " + AppContext.BaseDirectory);
        return string.Empty;
    }

    [GeneratedRegex(@"^\s*\{([a-z0-9-]+)\}\s*(#.*)?$")]
    private static partial Regex Reference();

    [GeneratedRegex(@"^\|\s*`([a-z0-9-]+)`\s*\|[^|]*\|\s*`([0-9a-f]{64})`\s*\|\s*$")]
    private static partial Regex HashRow();

    [GeneratedRegex(@"^\|\s*`([0-9a-f]{2})…\1`\s*\|[^|]*\|\s*`([0-9a-f ]+)`\s*\|\s*`([0-9a-f]{64})`\s*\|\s*$")]
    private static partial Regex KeyRow();
}
