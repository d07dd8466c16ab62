using Roundtable.Node.StateSync;

namespace Roundtable.Node.Tests.StateSync;

public sealed class ArrivingFileTests : IDisposable
{
    private const int ChunkSize = 4;
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"arriving-{Guid.NewGuid():N}.part");
    private readonly byte[] _content = [.. Enumerable.Range(0, 10).Select(i => (byte)i)];

    [Fact]
    public void A_read_gets_only_the_contiguous_prefix_and_goes_on_once_the_missing_chunk_is_written()
    {
        using var arriving = new ArrivingFile(_path, _content.Length, ChunkSize);
        WriteChunk(2);
        arriving.ChunkWritten(2);
        WriteChunk(0);
        arriving.ChunkWritten(0);

        var buffer = new byte[10];
        Assert.Equal(4, arriving.Read(buffer, 0, 10));

        WriteChunk(1);
        arriving.ChunkWritten(1);
        arriving.ReadExactly(buffer, 4, 6);

        Assert.Equal(_content, buffer);
        Assert.Equal(0, arriving.Read(buffer, 0, 10));
    }

    [Fact]
    public async Task A_stopped_download_fails_the_read_waiting_for_its_bytes_with_the_reason_but_not_the_bytes_already_written()
    {
        using var arriving = new ArrivingFile(_path, _content.Length, ChunkSize);
        WriteChunk(0);
        arriving.ChunkWritten(0);
        var buffer = new byte[10];
        // Whether the read is already waiting when the download stops or comes to the gap after,
        // it fails the same way: the bytes after chunk 0 will not come.
        var waiting = Task.Run(() => arriving.ReadExactly(buffer, 0, 6));
        var reason = new InvalidDataException("chunk 1 did not come");
        arriving.Stop(reason);

        var failure = await Assert.ThrowsAsync<IOException>(() => waiting.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Same(reason, failure.InnerException);
        Assert.Equal(_content[..4], buffer[..4]);
    }

    public void Dispose() => File.Delete(_path);

    private void WriteChunk(int index)
    {
        using var file = File.OpenHandle(_path, FileMode.OpenOrCreate, FileAccess.Write, FileShare.ReadWrite);
        var start = index * ChunkSize;
        RandomAccess.Write(file, _content.AsSpan(start, Math.Min(ChunkSize, _content.Length - start)), start);
    }
}
