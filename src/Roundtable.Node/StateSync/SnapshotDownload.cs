using Roundtable.Core.Hashing;

namespace Roundtable.Node.StateSync;

/// <summary>
/// Downloads an offered snapshot file from one peer in chunks, a few requests in flight, each chunk
/// written at its offset. A chunk that does not come is asked for again a few times; then the peer
/// is given up on. The last 32 bytes must be the offered checksum: a file that says otherwise is
/// refused. Each chunk written, and a failure, is reported to an <see cref="ArrivingFile"/> so the
/// file can be read while it downloads.
/// </summary>
internal sealed class SnapshotDownload(PeerRequests requests, Hash256 peer, SnapshotOfferMessage offer)
{
    private const int Attempts = 3;

    /// <summary>Writes the whole file to <paramref name="path"/> (replacing it), reporting to <paramref name="arriving"/>.</summary>
    /// <exception cref="SnapshotRefusedException">The peer did not serve every chunk, or served a file with another checksum.</exception>
    public async Task ToFileAsync(string path, int inFlight, ArrivingFile arriving, CancellationToken cancellation)
    {
        try
        {
            await WriteAndCheckAsync(path, inFlight, arriving, cancellation).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            arriving.Stop(e);
            throw;
        }
    }

    private async Task WriteAndCheckAsync(string path, int inFlight, ArrivingFile arriving, CancellationToken cancellation)
    {
        using (var file = File.OpenHandle(path, FileMode.Create, FileAccess.Write, preallocationSize: offer.Size))
        {
            var options = new ParallelOptions { MaxDegreeOfParallelism = inFlight, CancellationToken = cancellation };
            await Parallel.ForEachAsync(Enumerable.Range(0, offer.ChunkCount), options, async (index, ct) =>
            {
                var bytes = await ChunkAsync(index, ct).ConfigureAwait(false);
                RandomAccess.Write(file, bytes, (long)index * SnapshotOfferMessage.ChunkSize);
                arriving.ChunkWritten(index);
            }).ConfigureAwait(false);
        }

        var checksum = new byte[Hash256.Size];
        using (var file = File.OpenHandle(path))
        {
            RandomAccess.Read(file, checksum, offer.Size - Hash256.Size);
        }

        if (Hash256.FromBytes(checksum) != offer.Checksum)
        {
            throw new SnapshotRefusedException($"the downloaded file ends with checksum {Hash256.FromBytes(checksum).ToShortString()}, not the offered {offer.Checksum.ToShortString()}");
        }
    }

    private async Task<byte[]> ChunkAsync(int index, CancellationToken cancellation)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await requests.ChunkAsync(peer, offer, index, cancellation).ConfigureAwait(false);
            }
            catch (TimeoutException) when (attempt < Attempts)
            {
                // Dropped from a full send queue, or a slow disk: ask again.
            }
            catch (Exception e) when (e is TimeoutException or InvalidDataException)
            {
                throw new SnapshotRefusedException($"chunk {index} of {offer.ChunkCount} did not come: {e.Message}");
            }
        }
    }
}
