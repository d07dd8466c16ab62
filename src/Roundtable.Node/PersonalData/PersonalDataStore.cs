using Roundtable.Application.PersonalData;
using Roundtable.Core.Encoding;
using Roundtable.Core.Hashing;
using Roundtable.Ledger.PersonalData;

namespace Roundtable.Node.PersonalData;

/// <summary>
/// The erasable store of personal values beside the chain (docs/personal-data.md): one file per
/// commitment under the node's <c>data/personal-data</c>, holding the field name, salt and value.
/// Nothing else the node writes (blocks, WAL, snapshots, logs) ever holds a value, so erasing a
/// field is overwriting and deleting its one file. Thread-safe.
/// </summary>
public sealed class PersonalDataStore : IDisclosedValues
{
    private const string Extension = ".field";
    private readonly Lock _gate = new();
    private readonly string _directory;

    // What the directory holds, read once at opening: re-sync asks "which standing fields do I
    // lack?" every few seconds, and a directory listing per field would cost a system call each.
    private readonly SortedSet<Hash256> _held;

    /// <summary>Opens (creating if needed) the store in <paramref name="directory"/>.</summary>
    public PersonalDataStore(string directory)
    {
        _directory = directory;
        Directory.CreateDirectory(directory);
        _held = [.. Directory.EnumerateFiles(directory, "*" + Extension)
            .Select(f => Hash256.TryParse(Path.GetFileNameWithoutExtension(f), out var c) ? c : (Hash256?)null)
            .OfType<Hash256>()];
    }

    /// <summary>The commitments whose values this node holds, in order.</summary>
    public IReadOnlyList<Hash256> Commitments()
    {
        lock (_gate)
        {
            return [.. _held];
        }
    }

    /// <summary>True when this node holds the value of <paramref name="commitment"/>.</summary>
    public bool Holds(Hash256 commitment)
    {
        lock (_gate)
        {
            return _held.Contains(commitment);
        }
    }

    /// <inheritdoc />
    public string? Find(Hash256 commitment) => Read(commitment)?.Value;

    /// <summary>The disclosure held for <paramref name="commitment"/>, or null.</summary>
    public Disclosure? Read(Hash256 commitment)
    {
        lock (_gate)
        {
            if (!_held.Contains(commitment))
            {
                return null;
            }

            var reader = new CanonicalReader(File.ReadAllBytes(PathOf(commitment)));
            var field = reader.ReadString(byte.MaxValue, "field");
            var salt = reader.ReadFixed(PersonalFieldCommitment.SaltBytes).ToArray();
            var value = reader.ReadString(Disclosure.MaxValueBytes, "value");
            return new Disclosure(field, value, salt);
        }
    }

    /// <summary>
    /// Keeps <paramref name="disclosure"/> when <paramref name="standing"/> still says its field may
    /// be served; the check and the write happen under the lock erasure takes, so a withdrawal
    /// committed meanwhile is never outlived by a late copy. The caller has checked the commitment.
    /// </summary>
    public KeepOutcome Keep(Disclosure disclosure, Func<bool> standing)
    {
        var writer = new CanonicalWriter();
        writer.WriteString(disclosure.Field);
        writer.WriteFixed(disclosure.Salt);
        writer.WriteString(disclosure.Value);
        lock (_gate)
        {
            if (!standing())
            {
                return KeepOutcome.Withdrawn;
            }

            if (_held.Contains(disclosure.Commitment))
            {
                return KeepOutcome.AlreadyHeld;
            }

            using (var file = new FileStream(PathOf(disclosure.Commitment), FileMode.CreateNew, FileAccess.Write))
            {
                file.Write(writer.WrittenSpan);
                file.Flush(flushToDisk: true);
            }

            _held.Add(disclosure.Commitment);
            return KeepOutcome.Stored;
        }
    }

    /// <summary>
    /// Erases the value and salt of <paramref name="commitment"/>: the file is overwritten with
    /// zeros, flushed to disk, then deleted. True when there was something to erase.
    /// </summary>
    public bool Erase(Hash256 commitment)
    {
        lock (_gate)
        {
            if (!_held.Contains(commitment))
            {
                return false;
            }

            var path = PathOf(commitment);
            using (var file = new FileStream(path, FileMode.Open, FileAccess.Write))
            {
                file.Write(new byte[file.Length]);
                file.Flush(flushToDisk: true);
            }

            File.Delete(path);
            _held.Remove(commitment);
            return true;
        }
    }

    private string PathOf(Hash256 commitment) => Path.Combine(_directory, commitment + Extension);
}
