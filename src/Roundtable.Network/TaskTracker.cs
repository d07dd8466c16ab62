using System.Collections.Concurrent;

namespace Roundtable.Network;

/// <summary>Remembers background tasks so that shutdown can wait for every one of them.</summary>
internal sealed class TaskTracker
{
    private readonly ConcurrentDictionary<Task, byte> _tasks = new();

    public void Track(Task task)
    {
        _tasks.TryAdd(task, 0);
        _ = task.ContinueWith(t => _tasks.TryRemove(t, out _), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    /// <summary>Waits until every tracked task, including ones added while waiting, has finished.</summary>
    public async Task WhenAllAsync()
    {
        while (true)
        {
            var pending = _tasks.Keys.Where(t => !t.IsCompleted).ToArray();
            if (pending.Length == 0)
            {
                return;
            }

            try
            {
                await Task.WhenAll(pending);
            }
            catch
            {
                // Tracked tasks log their own failures; shutdown only needs them finished.
            }
        }
    }
}
