namespace Roundtable.Storage;

/// <summary>Settings of a <see cref="SnapshotStore"/>.</summary>
public sealed class SnapshotStoreOptions
{
    /// <summary>How many of the newest snapshots are kept after a save (at least 1; default 2).</summary>
    public int Retain { get; init; } = 2;

    /// <summary>Largest key accepted on save and on load (default 1 KiB).</summary>
    public int MaxKeyBytes { get; init; } = 1024;

    /// <summary>Largest value accepted on save and on load (default 1 MiB).</summary>
    public int MaxValueBytes { get; init; } = 1024 * 1024;

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(Retain, 1, nameof(Retain));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxKeyBytes, 1, nameof(MaxKeyBytes));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxValueBytes, 1, nameof(MaxValueBytes));
    }
}
