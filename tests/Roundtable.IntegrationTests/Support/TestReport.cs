namespace Roundtable.IntegrationTests.Support;

/// <summary>
/// Figures a test measures for the record (not asserted: timing thresholds do not belong in tests).
/// test.sh sets ROUNDTABLE_TEST_REPORT to a file and prints it after the run, so CI logs show them.
/// </summary>
internal static class TestReport
{
    private static readonly Lock Gate = new();

    public static void Write(string line)
    {
        var path = Environment.GetEnvironmentVariable("ROUNDTABLE_TEST_REPORT");
        if (string.IsNullOrEmpty(path))
        {
            return;
        }

        lock (Gate)
        {
            File.AppendAllLines(path, [line]);
        }
    }
}
