namespace Roundtable.Dns.Tests.Support;

/// <summary>Writes a measured figure to the file test.sh prints at the end (ROUNDTABLE_TEST_REPORT), when set.</summary>
internal static class TestContext
{
    public static void Report(string line)
    {
        if (Environment.GetEnvironmentVariable("ROUNDTABLE_TEST_REPORT") is { Length: > 0 } path)
        {
            File.AppendAllText(path, line + Environment.NewLine);
        }
    }
}
