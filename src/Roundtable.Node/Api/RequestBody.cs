using Microsoft.AspNetCore.Http;

namespace Roundtable.Node.Api;

/// <summary>Reads a request body with a hard size limit, whatever Content-Length claims.</summary>
internal static class RequestBody
{
    private const int ChunkBytes = 16 * 1024;

    /// <summary>The media type of a Content-Type header without its parameters, in lower case ("" when absent).</summary>
    public static string MediaType(string? contentType) => contentType?.Split(';')[0].Trim().ToLowerInvariant() ?? "";

    /// <summary>The body, or null when it exceeds <paramref name="limit"/> bytes.</summary>
    public static async Task<byte[]?> ReadAsync(HttpRequest request, int limit, CancellationToken cancellationToken)
    {
        if (request.ContentLength > limit)
        {
            return null;
        }

        if (request.ContentLength is { } declared)
        {
            return await ReadDeclaredAsync(request.Body, (int)declared, cancellationToken).ConfigureAwait(false);
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[ChunkBytes];
        while (true)
        {
            var read = await request.Body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                return buffer.ToArray();
            }

            if (buffer.Length + read > limit)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }
    }

    // Every submission declares its length: read it into one array of that size, with no
    // intermediate buffer. Kestrel ends the body at the declared length, so it cannot run over.
    private static async Task<byte[]> ReadDeclaredAsync(Stream body, int length, CancellationToken cancellationToken)
    {
        var bytes = new byte[length];
        var filled = 0;
        while (filled < length)
        {
            var read = await body.ReadAsync(bytes.AsMemory(filled), cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                throw new BadHttpRequestException($"The body ended after {filled} of the {length} bytes it declared.");
            }

            filled += read;
        }

        return bytes;
    }
}
