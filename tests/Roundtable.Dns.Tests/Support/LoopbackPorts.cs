using System.Net;
using System.Net.Sockets;

namespace Roundtable.Dns.Tests.Support;

/// <summary>
/// Loopback ports for DNS, which a server answers on over both UDP and TCP. The system hands out a
/// free UDP port; the same number can be in use for TCP by any other socket on the machine (tests
/// run in parallel), so such a port is skipped and another asked for.
/// </summary>
internal static class LoopbackPorts
{
    private const int Attempts = 20;

    /// <summary>A UDP socket and a started TCP listener on the same loopback port, held by the caller.</summary>
    public static (Socket Udp, TcpListener Tcp) BindBoth()
    {
        for (var attempt = 1; ; attempt++)
        {
            var udp = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
            udp.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            var tcp = new TcpListener((IPEndPoint)udp.LocalEndPoint!);
            try
            {
                tcp.Start();
                return (udp, tcp);
            }
            catch (SocketException e) when (e.SocketErrorCode == SocketError.AddressAlreadyInUse && attempt < Attempts)
            {
                udp.Dispose();
            }
            catch
            {
                udp.Dispose();
                throw;
            }
        }
    }

    /// <summary>A loopback port free for both UDP and TCP right now, for a server in another process to bind.</summary>
    public static int FreeForBoth()
    {
        var (udp, tcp) = BindBoth();
        var port = ((IPEndPoint)udp.LocalEndPoint!).Port;
        tcp.Stop();
        udp.Dispose();
        return port;
    }
}
