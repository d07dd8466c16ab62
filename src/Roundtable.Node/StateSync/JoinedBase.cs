using Roundtable.Core.Encoding;
using Roundtable.Proofs.LightClient;
using Roundtable.Storage;

namespace Roundtable.Node.StateSync;

/// <summary>
/// The verified light block at the height a node joined at by snapshot (data/joined-base.bin). The
/// node keeps no block at that height, yet its snapshot needs that header to load (block id and
/// time) and consensus needs that commit; this file keeps both across restarts.
/// </summary>
public static class JoinedBase
{
    /// <summary>The light block saved at join time, or null for a node that did not join by snapshot.</summary>
    /// <exception cref="InvalidDataException">The file exists but does not decode.</exception>
    public static LightBlock? TryLoad(string path)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            return LightBlock.Decode(File.ReadAllBytes(path));
        }
        catch (DecodeException e)
        {
            throw new InvalidDataException($"{path} is damaged: {e.Message}", e);
        }
    }

    /// <summary>Writes <paramref name="block"/> durably: a temporary file, fsynced, renamed into place, the directory fsynced.</summary>
    public static void Save(string path, LightBlock block)
    {
        var temp = path + ".tmp";
        using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write))
        {
            stream.Write(block.ToBytes());
            stream.Flush(flushToDisk: true);
        }

        File.Move(temp, path, overwrite: true);
        DirectorySync.Flush(Path.GetDirectoryName(path)!);
    }
}
