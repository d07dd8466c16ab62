using System.Diagnostics;
using Xunit.Sdk;

namespace Roundtable.Network.Tests.Support;

/// <summary>Deadline-bounded waiting: tests wait for conditions, never for fixed times.</summary>
public static class Eventually
{
    /// <summary>Generous: the machine may be busy with other builds; only a hang should hit it.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(60);

    public static async Task True(Func<bool> condition, string what, TimeSpan? timeout = null)
    {
        var limit = timeout ?? DefaultTimeout;
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            if (clock.Elapsed > limit)
            {
                throw new XunitException($"Timed out after {limit.TotalSeconds:0} s waiting for {what}.");
            }

            await Task.Delay(10);
        }
    }

    public static async Task Completes(Task task, string what, TimeSpan? timeout = null)
    {
        try
        {
            await task.WaitAsync(timeout ?? DefaultTimeout);
        }
        catch (TimeoutException)
        {
            throw new XunitException($"Timed out waiting for {what}.");
        }
    }

    public static async Task<T> Completes<T>(Task<T> task, string what, TimeSpan? timeout = null)
    {
        try
        {
            return await task.WaitAsync(timeout ?? DefaultTimeout);
        }
        catch (TimeoutException)
        {
            throw new XunitException($"Timed out waiting for {what}.");
        }
    }
}
