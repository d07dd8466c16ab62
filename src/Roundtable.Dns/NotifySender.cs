using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace Roundtable.Dns;

/// <summary>
/// Tells secondaries that a zone changed (NOTIFY, RFC 1996): a UDP message with opcode 4, AA, the
/// zone's SOA as question and the new SOA as answer, TSIG-signed with the policy's first key when
/// it has keys, sent from the server's address. It is sent again, waiting
/// <see cref="ZoneTransferOptions.NotifyFirstTimeout"/> and then twice as long each time, until a
/// response with its ID arrives (whatever its rcode: the secondary heard us) or
/// <see cref="ZoneTransferOptions.NotifyAttempts"/> sends are made. A newer version of the same
/// zone replaces a NOTIFY still retrying for the same target.
/// </summary>
internal sealed class NotifySender : IAsyncDisposable
{
    private readonly IPAddress localAddress;
    private readonly ZoneTransferOptions options;
    private readonly CancellationTokenSource stopping = new();
    private readonly ConcurrentDictionary<(DnsName Zone, IPEndPoint Target), CancellationTokenSource> retrying = new();
    private readonly ConcurrentDictionary<Task, bool> running = new();

    public NotifySender(IPAddress localAddress, ZoneTransferOptions options)
    {
        this.localAddress = localAddress;
        this.options = options;
    }

    /// <summary>Starts a NOTIFY to every target of every zone given; returns at once.</summary>
    public void Notify(IReadOnlyList<DnsZone> zones)
    {
        if (stopping.IsCancellationRequested)
        {
            return;
        }

        foreach (var zone in zones)
        {
            foreach (var target in zone.TransferPolicy?.NotifyTargets ?? [])
            {
                var cancel = CancellationTokenSource.CreateLinkedTokenSource(stopping.Token);
                if (retrying.TryGetValue((zone.Origin, target), out var older))
                {
                    try
                    {
                        older.Cancel();
                    }
                    catch (ObjectDisposedException)
                    {
                        // It finished meanwhile: nothing to replace.
                    }
                }

                retrying[(zone.Origin, target)] = cancel;
                var task = SendAsync(zone, target, cancel);
                running[task] = true;
                _ = task.ContinueWith(done => running.TryRemove(done, out _), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            }
        }
    }

    /// <summary>Stops every NOTIFY still retrying and waits for them.</summary>
    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync().ConfigureAwait(false);
        await Task.WhenAll(running.Keys).ConfigureAwait(false);
        stopping.Dispose();
    }

    private async Task SendAsync(DnsZone zone, IPEndPoint target, CancellationTokenSource cancel)
    {
        var token = cancel.Token;
        try
        {
            using var socket = new Socket(target.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
            socket.Bind(new IPEndPoint(localAddress.AddressFamily == target.AddressFamily ? localAddress : target.AddressFamily == AddressFamily.InterNetworkV6 ? IPAddress.IPv6Any : IPAddress.Any, 0));
            var id = (ushort)Random.Shared.Next(65536);
            var message = Message(zone, id);
            var reply = new byte[512];
            var wait = options.NotifyFirstTimeout;
            for (var attempt = 0; attempt < options.NotifyAttempts; attempt++, wait *= 2)
            {
                await socket.SendToAsync(message, SocketFlags.None, target, token).ConfigureAwait(false);
                if (await AnsweredAsync(socket, reply, id, wait, token).ConfigureAwait(false))
                {
                    return;
                }
            }
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // Replaced by a newer version, stopped, or the network refused: the secondary's own refresh timer still runs.
        }
        finally
        {
            retrying.TryRemove(new KeyValuePair<(DnsName, IPEndPoint), CancellationTokenSource>((zone.Origin, target), cancel));
            cancel.Dispose();
        }
    }

    /// <summary>True when a NOTIFY response with <paramref name="id"/> arrives within <paramref name="wait"/>.</summary>
    private async Task<bool> AnsweredAsync(Socket socket, byte[] reply, ushort id, TimeSpan wait, CancellationToken token)
    {
        using var timeout = new CancellationTokenSource(wait, options.TimeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(token, timeout.Token);
        try
        {
            while (true)
            {
                var length = await socket.ReceiveAsync(reply, SocketFlags.None, linked.Token).ConfigureAwait(false);
                if (length >= QueryParser.HeaderLength && BinaryPrimitives.ReadUInt16BigEndian(reply) == id && (reply[2] & 0xF8) == 0xA0)
                {
                    return true;
                }
            }
        }
        catch (OperationCanceledException) when (!token.IsCancellationRequested)
        {
            return false;
        }
        catch (SocketException) when (!token.IsCancellationRequested)
        {
            // An ICMP port unreachable from a secondary not yet up: as good as no answer.
            return false;
        }
    }

    private byte[] Message(DnsZone zone, ushort id)
    {
        var buffer = new byte[1024];
        BinaryPrimitives.WriteUInt16BigEndian(buffer, id);
        buffer[2] = 0x24; // opcode 4 (NOTIFY), AA
        buffer[5] = 1;
        zone.Origin.Wire.CopyTo(buffer, QueryParser.HeaderLength);
        var questionEnd = QueryParser.HeaderLength + zone.Origin.Wire.Length + 4;
        BinaryPrimitives.WriteUInt16BigEndian(buffer.AsSpan(questionEnd - 4), (ushort)RecordType.SOA);
        BinaryPrimitives.WriteUInt16BigEndian(buffer.AsSpan(questionEnd - 2), 1);
        Span<int> offsets = stackalloc int[ResponseAssembler.CompressionSlots];
        var writer = new MessageWriter(buffer, offsets, questionEnd, withSignatures: false);
        var soa = TransferRecords.Soa(zone.SoaSet);
        writer.WriteRecord(soa.Owner, soa.Type, soa.Ttl, soa.Data);
        ResponseAssembler.SetCounts(buffer, 1, 0, 0);
        var end = writer.Position;
        if (zone.TransferPolicy?.Keys is [var key, ..])
        {
            Span<byte> mac = stackalloc byte[Tsig.MacLength];
            end = Tsig.Sign(buffer, end, key, [], timersOnly: false, TsigSession.Now(options.TimeProvider), TsigError.None, [], mac);
        }

        return buffer[..end];
    }
}
