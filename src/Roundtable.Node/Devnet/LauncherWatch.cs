using System.Diagnostics;
using System.Globalization;

namespace Roundtable.Node.Devnet;

/// <summary>
/// Stops a node whose launcher is gone. A devnet or the load bench starts its nodes as child
/// processes and stops them by PID when it ends; killed outright (SIGKILL, a crash) it cannot, and
/// its nodes would run on, holding ports and cores, with nothing left to stop them. A launcher
/// names itself in <see cref="EnvironmentVariable"/> (<see cref="NodeChildProcess"/> does); a node
/// started that way checks every <see cref="Interval"/> that the process is still there and stops
/// cleanly once it is not. A node started by hand or by a service manager has no launcher to watch.
/// </summary>
public sealed class LauncherWatch : IDisposable
{
    /// <summary>The environment variable that carries the launcher's process id.</summary>
    public const string EnvironmentVariable = "ROUNDTABLE_LAUNCHER_PID";

    /// <summary>How often the launcher is looked for.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    private readonly Timer _timer;
    private int _fired;

    private LauncherWatch(int pid, Action gone)
    {
        _timer = new Timer(_ =>
        {
            if (!IsRunning(pid) && Interlocked.Exchange(ref _fired, 1) == 0)
            {
                gone();
            }
        }, null, Interval, Interval);
    }

    /// <summary>
    /// Watches the launcher named in the environment and calls <paramref name="gone"/> once when it
    /// has gone; null when the environment names none (or names no valid process id).
    /// </summary>
    public static LauncherWatch? FromEnvironment(Action gone) =>
        int.TryParse(Environment.GetEnvironmentVariable(EnvironmentVariable), NumberStyles.None, CultureInfo.InvariantCulture, out var pid) && pid > 0
            ? new LauncherWatch(pid, gone)
            : null;

    /// <inheritdoc />
    public void Dispose() => _timer.Dispose();

    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            return false; // No process has that id (any more).
        }
    }
}
