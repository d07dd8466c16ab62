using System.Buffers;
using System.Net;
using System.Net.Security;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Roundtable.Core.Hashing;
using Roundtable.Network.Wire;

namespace Roundtable.Network;

/// <summary>
/// One authenticated connection after its hello: a read loop that turns frames into
/// <see cref="InboundMessage"/>s and a write loop that drains a bounded send queue. Either loop
/// ending (error, violation, <see cref="Close"/>) ends the other; nothing escapes as an exception.
/// </summary>
internal sealed class PeerConnection
{
    /// <summary>Small frames are coalesced into writes of up to this many bytes.</summary>
    private const int BatchBytes = 64 * 1024;

    private static readonly TimeSpan GoodbyeTimeout = TimeSpan.FromSeconds(1);

    private readonly SslStream _stream;
    private readonly ChannelWriter<InboundMessage> _inbound;
    private readonly PeerNetworkOptions _options;
    private readonly ILogger _log;
    private readonly Action<PeerConnection> _onClosed;
    private readonly Channel<byte[]> _outbound;
    private readonly CancellationTokenSource _cts = new();
    private readonly TaskCompletionSource _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _queuedBytes;
    private long _bytesIn;
    private long _bytesOut;
    private long _dropped;
    private int _closing;
    private volatile string? _closeReason;
    private volatile bool _sendGoodbye;
    private volatile bool _writeBroken;

    public PeerConnection(
        SslStream stream,
        Hash256 nodeId,
        PeerDirection direction,
        IPEndPoint remoteEndPoint,
        IPEndPoint localEndPoint,
        int listenPort,
        ConnectionKey key,
        ChannelWriter<InboundMessage> inbound,
        PeerNetworkOptions options,
        ILogger log,
        Action<PeerConnection> onClosed)
    {
        _stream = stream;
        NodeId = nodeId;
        Direction = direction;
        RemoteEndPoint = remoteEndPoint;
        LocalEndPoint = localEndPoint;
        ListenPort = listenPort;
        Key = key;
        _inbound = inbound;
        _options = options;
        _log = log;
        _onClosed = onClosed;
        ConnectedSince = DateTimeOffset.UtcNow;
        _outbound = Channel.CreateBounded<byte[]>(new BoundedChannelOptions(options.OutboundQueueCapacityPerPeer)
        {
            FullMode = BoundedChannelFullMode.Wait, // TryWrite then fails instead of waiting: the drop policy.
            SingleReader = true,
            SingleWriter = false,
        });
    }

    public Hash256 NodeId { get; }

    public PeerDirection Direction { get; }

    public IPEndPoint RemoteEndPoint { get; }

    public IPEndPoint LocalEndPoint { get; }

    public int ListenPort { get; }

    public ConnectionKey Key { get; }

    public DateTimeOffset ConnectedSince { get; }

    /// <summary>Completes after both loops ended, the socket is closed and the network was told.</summary>
    public Task Completion => _completion.Task;

    public bool IsClosing => Volatile.Read(ref _closing) != 0;

    public string CloseReason => _closeReason ?? "closed";

    public PeerInfo Snapshot() => new(
        NodeId,
        RemoteEndPoint,
        LocalEndPoint,
        Direction,
        ListenPort,
        ConnectedSince,
        Interlocked.Read(ref _bytesIn),
        Interlocked.Read(ref _bytesOut),
        Interlocked.Read(ref _dropped));

    /// <summary>
    /// Queues a complete frame without waiting. False (and counted as dropped) when the queue is full
    /// by count or by bytes; a frame always fits into an empty queue.
    /// </summary>
    public bool TryEnqueue(byte[] frame)
    {
        if (IsClosing)
        {
            return false;
        }

        var size = frame.Length;
        var queued = Interlocked.Add(ref _queuedBytes, size);
        if ((queued > _options.OutboundQueueBytesPerPeer && queued != size) || !_outbound.Writer.TryWrite(frame))
        {
            Interlocked.Add(ref _queuedBytes, -size);
            if (!IsClosing)
            {
                Interlocked.Increment(ref _dropped);
            }

            return false;
        }

        return true;
    }

    /// <summary>
    /// Ends the connection: stops both loops, discards queued messages and (when
    /// <paramref name="sendGoodbye"/>) tells the peer why. Idempotent; the first reason wins.
    /// </summary>
    public void Close(string reason, bool sendGoodbye = true)
    {
        if (Interlocked.CompareExchange(ref _closing, 1, 0) != 0)
        {
            return;
        }

        _closeReason = reason;
        _sendGoodbye = sendGoodbye;
        _outbound.Writer.TryComplete();
        try
        {
            _cts.Cancel();
        }
        catch (AggregateException e)
        {
            Log.LoopFailed(_log, "close", e);
        }
    }

    /// <summary>Runs the connection until it closes. Never throws.</summary>
    public async Task RunAsync()
    {
        try
        {
            await Task.WhenAll(ReadLoopAsync(), WriteLoopAsync());
            if (_sendGoodbye && !_writeBroken)
            {
                using var timeout = new CancellationTokenSource(GoodbyeTimeout);
                try
                {
                    await _stream.WriteAsync(Control.EncodeGoodbyeFrame(CloseReason), timeout.Token);
                }
                catch (Exception e) when (e is IOException or OperationCanceledException or ObjectDisposedException or NotSupportedException or InvalidOperationException)
                {
                    // Best effort: the peer may already be gone.
                }
            }
        }
        catch (Exception e)
        {
            Log.LoopFailed(_log, "connection", e);
            Close("internal error: " + e.Message, sendGoodbye: false);
        }
        finally
        {
            try
            {
                await _stream.DisposeAsync();
            }
            catch (Exception e)
            {
                Log.LoopFailed(_log, "dispose", e);
            }

            _cts.Dispose();
            _onClosed(this);
            _completion.TrySetResult();
        }
    }

    private async Task ReadLoopAsync()
    {
        await Task.Yield();
        var header = new byte[Frame.HeaderSize];
        using var idle = CancellationTokenSource.CreateLinkedTokenSource(_cts.Token);
        try
        {
            while (!IsClosing)
            {
                // The idle timer covers waiting for a frame and receiving it, not waiting for
                // room in the inbound queue (that is backpressure, not a dead peer).
                idle.CancelAfter(_options.IdleTimeout);
                var read = await Frame.ReadAsync(_stream, header, _options.MaxFrameBytes, idle.Token);
                idle.CancelAfter(Timeout.InfiniteTimeSpan);
                if (read is not { } frame)
                {
                    Close("the peer closed the connection", sendGoodbye: false);
                    return;
                }

                Interlocked.Add(ref _bytesIn, frame.WireSize);
                if (frame.Type == Frame.ControlType)
                {
                    HandleControl(frame.Payload);
                    continue;
                }

                await _inbound.WriteAsync(new InboundMessage(NodeId, frame.Type, frame.Payload), _cts.Token);
            }
        }
        catch (OperationCanceledException) when (_cts.IsCancellationRequested)
        {
            // Closed elsewhere.
        }
        catch (OperationCanceledException)
        {
            Close($"nothing received for {_options.IdleTimeout.TotalSeconds:0.###} s");
        }
        catch (InvalidDataException e)
        {
            Log.ProtocolViolation(_log, NodeId, e.Message);
            Close("protocol violation: " + e.Message);
        }
        catch (ChannelClosedException)
        {
            Close("this node is shutting down");
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or System.Security.Authentication.AuthenticationException or NotSupportedException or InvalidOperationException)
        {
            Close("read failed: " + e.Message, sendGoodbye: false);
        }
        catch (Exception e)
        {
            Log.LoopFailed(_log, "read", e);
            Close("read failed: " + e.Message, sendGoodbye: false);
        }
    }

    /// <exception cref="InvalidDataException">A control message that is not allowed here.</exception>
    private void HandleControl(byte[] payload)
    {
        switch (Control.CodeOf(payload))
        {
            case Control.PingCode when payload.Length == 1:
                return; // its arrival already reset the idle timer
            case Control.GoodbyeCode:
                Close("the peer said goodbye: " + Control.DecodeGoodbye(payload), sendGoodbye: false);
                return;
            case Control.HelloCode:
                throw new InvalidDataException("a second hello");
            default:
                throw new InvalidDataException($"unknown control message {payload[0]} of {payload.Length} bytes");
        }
    }

    private async Task WriteLoopAsync()
    {
        await Task.Yield();
        var reader = _outbound.Reader;
        var batch = ArrayPool<byte>.Shared.Rent(BatchBytes);
        var ping = CancellationTokenSource.CreateLinkedTokenSource(_cts.Token);
        using var stall = CancellationTokenSource.CreateLinkedTokenSource(_cts.Token);
        try
        {
            while (!IsClosing)
            {
                ping.CancelAfter(_options.PingInterval);
                bool more;
                try
                {
                    more = await reader.WaitToReadAsync(ping.Token);
                }
                catch (OperationCanceledException) when (!_cts.IsCancellationRequested)
                {
                    // Nothing to send for a ping interval: a ping keeps the peer's idle timer from firing.
                    ping.Dispose();
                    ping = CancellationTokenSource.CreateLinkedTokenSource(_cts.Token);
                    await WriteAsync(Control.PingFrame, stall);
                    continue;
                }

                if (!more)
                {
                    return;
                }

                var used = 0;
                while (used < BatchBytes && reader.TryRead(out var frame))
                {
                    Interlocked.Add(ref _queuedBytes, -frame.Length);
                    if (frame.Length > BatchBytes - used)
                    {
                        if (used > 0)
                        {
                            await WriteAsync(batch.AsMemory(0, used), stall);
                            used = 0;
                        }

                        if (frame.Length >= BatchBytes)
                        {
                            await WriteAsync(frame, stall);
                            continue;
                        }
                    }

                    frame.CopyTo(batch, used);
                    used += frame.Length;
                }

                if (used > 0)
                {
                    await WriteAsync(batch.AsMemory(0, used), stall);
                }
            }
        }
        catch (OperationCanceledException) when (_cts.IsCancellationRequested)
        {
            // Closed elsewhere.
        }
        catch (OperationCanceledException)
        {
            Close($"the peer accepted no data for {_options.WriteStallTimeout.TotalSeconds:0.###} s", sendGoodbye: false);
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or System.Security.Authentication.AuthenticationException or NotSupportedException or InvalidOperationException)
        {
            Close("write failed: " + e.Message, sendGoodbye: false);
        }
        catch (Exception e)
        {
            Log.LoopFailed(_log, "write", e);
            Close("write failed: " + e.Message, sendGoodbye: false);
        }
        finally
        {
            ping.Dispose();
            ArrayPool<byte>.Shared.Return(batch);
        }
    }

    private async ValueTask WriteAsync(ReadOnlyMemory<byte> data, CancellationTokenSource stall)
    {
        stall.CancelAfter(_options.WriteStallTimeout);
        try
        {
            await _stream.WriteAsync(data, stall.Token);
        }
        catch
        {
            _writeBroken = true; // a write cut short leaves the TLS stream unusable, even for a goodbye
            throw;
        }

        stall.CancelAfter(Timeout.InfiniteTimeSpan);
        Interlocked.Add(ref _bytesOut, data.Length);
    }
}
