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

    /// <summary>Opens (creating if needed) the store in <paramref name="directory"/>.</summary>
    public PersonalDataStore(string directory)
    {
        _directory = directory;
        Directory.CreateDirectory(directory);
    }

    /// <summary>The commitments whose values this node holds.</summary>
    public IReadOnlyList<Hash256> Commitments()
    {
        lock (_gate)
        {
            return [.. Directory.EnumerateFiles(_directory, "*" + Extension)
                .Select(f => Hash256.TryParse(Path.GetFileNameWithoutExtension(f), out var c) ? c : (Hash256?)null)
                .OfType<Hash256>()
                .Order()];
        }
    }

    /// <inheritdoc />
    public string? Find(Hash256 commitment) => Read(commitment)?.Value;

    /// <summary>The disclosure held for <paramref name="commitment"/>, or null.</summary>
    public Disclosure? Read(Hash256 commitment)
    {
        lock (_gate)
        {
            var path = PathOf(commitment);
            if (!File.Exists(path))
            {
                return null;
            }

            var reader = new CanonicalReader(File.ReadAllBytes(path));
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

            var path = PathOf(disclosure.Commitment);
            if (File.Exists(path))
            {
                return KeepOutcome.AlreadyHeld;
            }

            using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write);
            file.Write(writer.WrittenSpan);
            file.Flush(flushToDisk: true);
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
            var path = PathOf(commitment);
            if (!File.Exists(path))
            {
                return false;
            }

            using (var file = new FileStream(path, FileMode.Open, FileAccess.Write))
            {
                file.Write(new byte[file.Length]);
                file.Flush(flushToDisk: true);
            }

            File.Delete(path);
            return true;
        }
    }

    private string PathOf(Hash256 commitment) => Path.Combine(_directory, commitment + Extension);
}
