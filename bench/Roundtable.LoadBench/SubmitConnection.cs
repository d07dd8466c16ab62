using System.Buffers.Text;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Roundtable.LoadBench;

/// <summary>
/// One keep-alive HTTP/1.1 connection to a node's API that posts transactions to
/// <c>/api/v1/txs</c>, one at a time, and reads back only the status code. The generator shares
/// the two cores with the nodes it measures, so its own cost per request counts against them:
/// written on a socket, a submission costs one send and one receive and no objects, where
/// <see cref="HttpClient"/> built a request, a content, headers and a response message for each
/// (6–7% of the machine at saturation, docs/benchmarks.md). The node sees the same requests either way.
/// </summary>
internal sealed class SubmitConnection : IDisposable
{
    private const int MaxResponseHeaderBytes = 16 * 1024;
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(30);
    private static readonly byte[] HeaderEnd = "\r\n\r\n"u8.ToArray();

    private readonly EndPoint _endPoint;
    private readonly byte[] _requestHead;
    private readonly int _lengthAt;
    private readonly CancellationTokenSource _timeout = new();
    private byte[] _buffer = new byte[4096];
    private Socket? _socket;

    /// <param name="api">The node's API base.</param>
    /// <param name="path">Where to post: <c>/api/v1/txs</c> (one transaction) or <c>/api/v1/txs/batch</c>.</param>
    public SubmitConnection(Uri api, string path)
    {
        _endPoint = new IPEndPoint(IPAddress.Parse(api.Host), api.Port);
        var head = $"POST {path} HTTP/1.1\r\nHost: {api.Authority}\r\nContent-Type: application/octet-stream\r\nContent-Length: ";
        _requestHead = new byte[head.Length + 16];
        _lengthAt = Encoding.ASCII.GetBytes(head, _requestHead);
    }

    /// <summary>Posts one encoded transaction; the HTTP status, or -1 when the connection failed (it is reopened next time).</summary>
    public async Task<int> SubmitAsync(byte[] encoded) => (await ExchangeAsync(encoded).ConfigureAwait(false)).Status;

    /// <summary>
    /// Posts an encoded batch of <paramref name="statuses"/>.Length transactions and fills
    /// <paramref name="statuses"/>: 202 for each the node accepted, 422 for each it refused, in
    /// order; the HTTP status for all when the node refused the request, -1 when the connection failed.
    /// </summary>
    public async Task SubmitBatchAsync(byte[] batch, int[] statuses)
    {
        var (status, bodyStart, bodyLength) = await ExchangeAsync(batch).ConfigureAwait(false);
        if (status != 200)
        {
            Array.Fill(statuses, status);
            return;
        }

        try
        {
            BatchResults.Read(_buffer.AsSpan(bodyStart, bodyLength), statuses);
        }
        catch (Exception e) when (e is InvalidDataException or System.Text.Json.JsonException)
        {
            Array.Fill(statuses, -1);
        }
    }

    /// <summary>One request and its response: the status (-1 when the connection failed; it is reopened next time) and where a Content-Length body lies in the buffer.</summary>
    private async Task<(int Status, int BodyStart, int BodyLength)> ExchangeAsync(byte[] body)
    {
        _timeout.CancelAfter(RequestTimeout);
        try
        {
            _socket ??= await ConnectAsync(_endPoint, _timeout.Token).ConfigureAwait(false);
            var request = RequestFor(body);
            await _socket.SendAsync(request, SocketFlags.None, _timeout.Token).ConfigureAwait(false);
            return await ReadResponseAsync(_socket, _timeout.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is SocketException or IOException or OperationCanceledException or InvalidDataException)
        {
            Close();
            if (!_timeout.TryReset())
            {
                throw new InvalidOperationException("The request timer could not be reset.", e);
            }

            return (-1, 0, 0);
        }
        finally
        {
            _timeout.CancelAfter(Timeout.InfiniteTimeSpan);
        }
    }

    public void Dispose()
    {
        Close();
        _timeout.Dispose();
    }

    private void Close()
    {
        _socket?.Dispose();
        _socket = null;
    }

    private static async Task<Socket> ConnectAsync(EndPoint endPoint, CancellationToken cancellationToken)
    {
        var socket = new Socket(endPoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(endPoint, cancellationToken).ConfigureAwait(false);
            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>Head and body in the connection's buffer: one send, so the node reads one segment.</summary>
    private ReadOnlyMemory<byte> RequestFor(byte[] encoded)
    {
        if (!Utf8Formatter.TryFormat(encoded.Length, _requestHead.AsSpan(_lengthAt), out var digits))
        {
            throw new InvalidOperationException("The content length did not fit the request head.");
        }

        var headLength = _lengthAt + digits + HeaderEnd.Length;
        var total = headLength + encoded.Length;
        if (_buffer.Length < total)
        {
            _buffer = new byte[total];
        }

        _requestHead.AsSpan(0, _lengthAt + digits).CopyTo(_buffer);
        HeaderEnd.CopyTo(_buffer, _lengthAt + digits);
        encoded.CopyTo(_buffer, headLength);
        return _buffer.AsMemory(0, total);
    }

    /// <summary>Reads one response (Content-Length or chunked body): its status code, and where a Content-Length body lies in the buffer.</summary>
    private async Task<(int Status, int BodyStart, int BodyLength)> ReadResponseAsync(Socket socket, CancellationToken cancellationToken)
    {
        var filled = 0;
        int headerEnd;
        while ((headerEnd = _buffer.AsSpan(0, filled).IndexOf(HeaderEnd)) < 0)
        {
            filled = await ReceiveMoreAsync(socket, filled, cancellationToken).ConfigureAwait(false);
            if (filled > MaxResponseHeaderBytes)
            {
                throw new InvalidDataException("The response head is too large.");
            }
        }

        var status = Status(_buffer.AsSpan(0, headerEnd));
        var bodyStart = headerEnd + HeaderEnd.Length;
        var bodyLength = 0;
        if (Header(_buffer.AsSpan(0, headerEnd), "Transfer-Encoding"u8) is (var at, var length) && Ascii.EqualsIgnoreCase(_buffer.AsSpan(at, length), "chunked"u8))
        {
            // Chunked (a problem-details body, JSON without line breaks): read up to the last chunk and the empty trailer.
            while (_buffer.AsSpan(bodyStart, filled - bodyStart).IndexOf("0\r\n\r\n"u8) < 0)
            {
                filled = await ReceiveMoreAsync(socket, filled, cancellationToken).ConfigureAwait(false);
            }
        }
        else
        {
            bodyLength = Header(_buffer.AsSpan(0, headerEnd), "Content-Length"u8) is (var lengthAt, var digits)
                && Utf8Parser.TryParse(_buffer.AsSpan(lengthAt, digits), out int parsed, out var used) && used == digits
                ? parsed
                : 0;
            while (filled - bodyStart < bodyLength)
            {
                filled = await ReceiveMoreAsync(socket, filled, cancellationToken).ConfigureAwait(false);
            }
        }

        if (Header(_buffer.AsSpan(0, headerEnd), "Connection"u8) is (var closeAt, var closeLength) && Ascii.EqualsIgnoreCase(_buffer.AsSpan(closeAt, closeLength), "close"u8))
        {
            Close();
        }

        return (status, bodyStart, bodyLength);
    }

    private static int Status(ReadOnlySpan<byte> head) =>
        head.Length >= 12 && head.StartsWith("HTTP/1.1 "u8) && Utf8Parser.TryParse(head.Slice(9, 3), out int status, out var used) && used == 3
            ? status
            : throw new InvalidDataException("Not an HTTP/1.1 response.");

    /// <summary>Where the value of header <paramref name="name"/> lies in <paramref name="head"/> (offset, length), trimmed; null when absent.</summary>
    private static (int At, int Length)? Header(ReadOnlySpan<byte> head, ReadOnlySpan<byte> name)
    {
        var lineStart = head.IndexOf("\r\n"u8) + 2;
        while (lineStart > 1 && lineStart < head.Length)
        {
            var lineLength = head[lineStart..].IndexOf("\r\n"u8);
            var line = lineLength < 0 ? head[lineStart..] : head.Slice(lineStart, lineLength);
            var colon = line.IndexOf((byte)':');
            if (colon > 0 && Ascii.EqualsIgnoreCase(line[..colon].Trim((byte)' '), name))
            {
                var value = line[(colon + 1)..];
                var leading = value.Length - value.TrimStart((byte)' ').Length;
                return (lineStart + colon + 1 + leading, value.Trim((byte)' ').Length);
            }

            if (lineLength < 0)
            {
                break;
            }

            lineStart += lineLength + 2;
        }

        return null;
    }

    private async Task<int> ReceiveMoreAsync(Socket socket, int filled, CancellationToken cancellationToken)
    {
        if (filled == _buffer.Length)
        {
            Array.Resize(ref _buffer, _buffer.Length * 2);
        }

        var read = await socket.ReceiveAsync(_buffer.AsMemory(filled), SocketFlags.None, cancellationToken).ConfigureAwait(false);
        return read == 0 ? throw new IOException("The node closed the connection.") : filled + read;
    }
}
