using Roundtable.Dns.Tests.Support;

namespace Roundtable.Dns.Tests;

/// <summary>The hex test vectors in docs/dns.md are what the engine answers, byte for byte, for the test zone.</summary>
public sealed class DocumentedVectorTests
{
    [Fact]
    public void Every_documented_vector_is_answered_exactly()
    {
        var engine = new AnswerEngine(TestZones.Set());
        var lines = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "docs", "dns.md"));
        var vectors = 0;
        for (var i = 0; i < lines.Length; i++)
        {
            if (!lines[i].StartsWith("query:    ", StringComparison.Ordinal))
            {
                continue;
            }

            var query = Convert.FromHexString(lines[i][10..].Trim());
            var expected = lines[i + 1][10..].Trim();
            var response = new byte[AnswerEngine.ResponseBufferSize];
            var length = engine.Answer(query, response, overTcp: false);
            Assert.Equal(expected, length == 0 ? "(dropped)" : Convert.ToHexString(response, 0, length));
            vectors++;
        }

        Assert.True(vectors >= 5, $"only {vectors} vectors found");
    }
}
