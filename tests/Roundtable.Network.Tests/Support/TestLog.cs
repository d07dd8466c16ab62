using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Xunit.Abstractions;

namespace Roundtable.Network.Tests.Support;

/// <summary>Keeps every log line (for assertions) and echoes it to the test output while the test runs.</summary>
public sealed class TestLog(string name, ITestOutputHelper? output) : ILogger
{
    public ConcurrentQueue<string> Lines { get; } = new();

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        var line = $"[{name} {logLevel}] {formatter(state, exception)}{(exception is null ? "" : " " + exception.GetType().Name + ": " + exception.Message)}";
        Lines.Enqueue(line);
        try
        {
            output?.WriteLine(line);
        }
        catch (InvalidOperationException)
        {
            // The test has finished; background loops may still log while shutting down.
        }
    }
}
