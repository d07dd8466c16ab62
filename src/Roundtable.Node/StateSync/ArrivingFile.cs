using Microsoft.Win32.SafeHandles;

namespace Roundtable.Node.StateSync;

/// <summary>
/// A read-only, forward-only stream over a file that a download is writing in fixed-size chunks,
/// in whatever order they come: a read returns bytes of the contiguous prefix written so far and
/// waits when it has caught up, so the snapshot can be checked and its state built while the rest
/// is still on the way. The download reports each chunk written and, if it fails, the reason,
/// which a read waiting for bytes that will not come then throws.
/// </summary>
internal sealed class ArrivingFile : Stream
{
    private readonly string _path;
    private readonly long _length;
    private readonly int _chunkSize;
    private readonly bool[] _written;
    private readonly object _gate = new();
    private int _firstMissing;
    private Exception? _stopped;
    private long _position;
    private SafeFileHandle? _handle;

    /// <summary>A file of <paramref name="length"/> bytes at <paramref name="path"/>, written in chunks of <paramref name="chunkSize"/> bytes (the last may be shorter).</summary>
    public ArrivingFile(string path, long length, int chunkSize)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        ArgumentOutOfRangeException.ThrowIfLessThan(chunkSize, 1);
        _path = path;
        _length = length;
        _chunkSize = chunkSize;
        _written = new bool[(int)((length + chunkSize - 1) / chunkSize)];
    }

    /// <inheritdoc/>
    public override bool CanRead => true;

    /// <inheritdoc/>
    public override bool CanSeek => false;

    /// <inheritdoc/>
    public override bool CanWrite => false;

    /// <inheritdoc/>
    public override long Length => _length;

    /// <inheritdoc/>
    public override long Position
    {
        get => _position;
        set => throw new NotSupportedException();
    }

    /// <summary>Chunk <paramref name="index"/> is on disk; readers waiting for it go on.</summary>
    public void ChunkWritten(int index)
    {
        lock (_gate)
        {
            _written[index] = true;
            while (_firstMissing < _written.Length && _written[_firstMissing])
            {
                _firstMissing++;
            }

            Monitor.PulseAll(_gate);
        }
    }

    /// <summary>The download stopped for <paramref name="reason"/>: reads that wait for bytes not written throw it.</summary>
    public void Stop(Exception reason)
    {
        lock (_gate)
        {
            _stopped ??= reason;
            Monitor.PulseAll(_gate);
        }
    }

    /// <inheritdoc/>
    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    /// <inheritdoc/>
    /// <exception cref="IOException">The download stopped before these bytes came; the inner exception says why.</exception>
    public override int Read(Span<byte> buffer)
    {
        if (buffer.IsEmpty || _position == _length)
        {
            return 0;
        }

        long available;
        lock (_gate)
        {
            while ((available = Contiguous() - _position) <= 0 && _stopped is null)
            {
                Monitor.Wait(_gate);
            }

            // Bytes already written may still be read after a stop; only a wait for more fails.
            if (available <= 0)
            {
                throw new IOException("The download stopped before the file was complete.", _stopped);
            }
        }

        _handle ??= File.OpenHandle(_path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        var read = RandomAccess.Read(_handle, buffer[..(int)Math.Min(buffer.Length, available)], _position);
        if (read == 0)
        {
            throw new IOException($"The file ended at byte {_position} of {_length}.");
        }

        _position += read;
        return read;
    }

    /// <inheritdoc/>
    public override void Flush()
    {
    }

    /// <inheritdoc/>
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    /// <inheritdoc/>
    public override void SetLength(long value) => throw new NotSupportedException();

    /// <inheritdoc/>
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    /// <inheritdoc/>
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _handle?.Dispose();
        }

        base.Dispose(disposing);
    }

    private long Contiguous() => Math.Min(_length, (long)_firstMissing * _chunkSize);
}
