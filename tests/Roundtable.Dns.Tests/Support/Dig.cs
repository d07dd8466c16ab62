using System.Diagnostics;
using System.Net;

namespace Roundtable.Dns.Tests.Support;

/// <summary>One resource record line as dig prints it: owner, TTL, class, type, data.</summary>
internal sealed record DigRecord(string Owner, uint Ttl, string Type, string Data);

/// <summary>dig's (or kdig's) view of one response, read from its text output.</summary>
internal sealed class DigResult
{
    public string Output { get; init; } = "";

    public string Status { get; set; } = "";

    public string Opcode { get; set; } = "";

    public HashSet<string> Flags { get; } = [];

    public bool HasEdns { get; set; }

    public int? EdnsUdpSize { get; set; }

    public List<string> Question { get; } = [];

    public List<DigRecord> Answer { get; } = [];

    public List<DigRecord> Authority { get; } = [];

    public List<DigRecord> Additional { get; } = [];
}

/// <summary>
/// Runs the real /usr/bin/dig or /usr/bin/kdig against a server on loopback and parses the
/// sections it prints. No retries and a short timeout, so a missing answer fails fast.
/// </summary>
internal static class Dig
{
    public static DigResult Query(IPEndPoint server, params string[] args) =>
        Run("dig", ["@" + server.Address, "-p", server.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "+tries=1", "+time=3", "+nocmd", "+noall", "+comments", "+question", "+answer", "+authority", "+additional", .. args]);

    public static DigResult KQuery(IPEndPoint server, params string[] args) =>
        Run("kdig", ["@" + server.Address, "-p", server.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "+retry=0", "+time=3", .. args]);

    /// <summary>
    /// Asks until <paramref name="done"/> holds (a node publishes a committed change a moment after
    /// the commit), for at most 30 seconds; fails with the last answer.
    /// </summary>
    public static async Task<DigResult> QueryUntilAsync(IPEndPoint server, Func<DigResult, bool> done, params string[] args)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var answer = Query(server, args);
            if (done(answer))
            {
                return answer;
            }

            Assert.True(DateTime.UtcNow < deadline, $"dig {string.Join(' ', args)} never gave the expected answer; the last was:\n{answer.Output}");
            await Task.Delay(100);
        }
    }

    private static DigResult Run(string tool, string[] args)
    {
        var start = new ProcessStartInfo("/usr/bin/" + tool) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(15_000))
        {
            process.Kill();
            Assert.Fail($"{tool} {string.Join(' ', args)} did not finish");
        }

        return Parse(output.Result + error.Result);
    }

    private static DigResult Parse(string output)
    {
        var result = new DigResult { Output = output };
        List<DigRecord>? section = null;
        var inQuestion = false;
        foreach (var raw in output.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (line.Contains("->>HEADER<<-", StringComparison.Ordinal))
            {
                result.Opcode = Field(line, "opcode: ");
                result.Status = Field(line, "status: ");
            }
            else if (line.StartsWith(";; flags:", StringComparison.Ordinal))
            {
                var flags = line[";; flags:".Length..].Split(';')[0];
                foreach (var flag in flags.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                {
                    result.Flags.Add(flag);
                }
            }
            else if (line.Contains("EDNS: version:", StringComparison.Ordinal))
            {
                result.HasEdns = true;
                var udp = line.IndexOf("udp: ", StringComparison.Ordinal);
                if (udp >= 0)
                {
                    result.EdnsUdpSize = int.Parse(line[(udp + 5)..].Trim(), System.Globalization.CultureInfo.InvariantCulture);
                }
            }
            else if (line.Contains("QUESTION SECTION:", StringComparison.Ordinal))
            {
                (inQuestion, section) = (true, null);
            }
            else if (line.Contains("ANSWER SECTION:", StringComparison.Ordinal))
            {
                (inQuestion, section) = (false, result.Answer);
            }
            else if (line.Contains("AUTHORITY SECTION:", StringComparison.Ordinal))
            {
                (inQuestion, section) = (false, result.Authority);
            }
            else if (line.Contains("ADDITIONAL SECTION:", StringComparison.Ordinal))
            {
                (inQuestion, section) = (false, result.Additional);
            }
            else if (line.Length == 0)
            {
                (inQuestion, section) = (false, null);
            }
            else if (inQuestion && line.StartsWith(';'))
            {
                result.Question.Add(string.Join(' ', line[1..].Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries)));
            }
            else if (section is not null && !line.StartsWith(';'))
            {
                var parts = line.Split([' ', '\t'], 5, StringSplitOptions.RemoveEmptyEntries);
                section.Add(new DigRecord(parts[0], uint.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture), parts[3], parts.Length > 4 ? parts[4] : ""));
            }
        }

        return result;
    }

    private static string Field(string line, string name)
    {
        var start = line.IndexOf(name, StringComparison.Ordinal) + name.Length;
        var end = line.IndexOf(',', start);
        return line[start..(end < 0 ? line.Length : end)].Trim();
    }
}
