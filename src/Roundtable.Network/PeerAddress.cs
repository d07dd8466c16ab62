using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Roundtable.Core.Hashing;

namespace Roundtable.Network;

/// <summary>
/// Where to dial a peer and which node id to expect there: <c>nodeid@host:port</c>, with the node
/// id as 64 hex characters and an IPv6 host in brackets (<c>nodeid@[::1]:26656</c>).
/// </summary>
/// <param name="NodeId">The id the peer must prove in TLS (pinned).</param>
/// <param name="Host">A host name or IP address literal (IPv6 without brackets).</param>
/// <param name="Port">TCP port, 1–65535.</param>
public sealed record PeerAddress(Hash256 NodeId, string Host, int Port)
{
    /// <summary>Parses <c>nodeid@host:port</c>.</summary>
    /// <exception cref="FormatException">The text is not a peer address.</exception>
    public static PeerAddress Parse(string text)
    {
        if (!TryParse(text, out var address, out var error))
        {
            throw new FormatException($"Invalid peer address '{text}': {error}. Expected nodeid@host:port.");
        }

        return address;
    }

    /// <summary>Parses <c>nodeid@host:port</c>; false when the text is anything else.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, [NotNullWhen(true)] out PeerAddress? address) =>
        TryParse(text, out address, out _);

    /// <summary><c>nodeid@host:port</c>, the form <see cref="Parse"/> reads.</summary>
    public override string ToString() =>
        Host.Contains(':', StringComparison.Ordinal)
            ? string.Create(CultureInfo.InvariantCulture, $"{NodeId}@[{Host}]:{Port}")
            : string.Create(CultureInfo.InvariantCulture, $"{NodeId}@{Host}:{Port}");

    private static bool TryParse(string? text, [NotNullWhen(true)] out PeerAddress? address, out string error)
    {
        address = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            error = "empty";
            return false;
        }

        var at = text.IndexOf('@', StringComparison.Ordinal);
        if (at < 0)
        {
            error = "missing '@'";
            return false;
        }

        if (!Hash256.TryParse(text[..at], out var nodeId))
        {
            error = "the node id is not 64 hex characters";
            return false;
        }

        var hostPort = text[(at + 1)..];
        var colon = hostPort.LastIndexOf(':');
        if (colon <= 0)
        {
            error = "missing ':port'";
            return false;
        }

        var host = hostPort[..colon];
        if (host.StartsWith('[') && host.EndsWith(']'))
        {
            host = host[1..^1];
        }
        else if (host.Contains(':', StringComparison.Ordinal))
        {
            error = "an IPv6 host must be in brackets";
            return false;
        }

        if (host.Length == 0 || host.Any(c => char.IsWhiteSpace(c) || c is '@' or '[' or ']' or '/'))
        {
            error = "invalid host";
            return false;
        }

        if (!int.TryParse(hostPort[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is < 1 or > 65535)
        {
            error = "the port is not a number from 1 to 65535";
            return false;
        }

        address = new PeerAddress(nodeId, host, port);
        error = "";
        return true;
    }
}
