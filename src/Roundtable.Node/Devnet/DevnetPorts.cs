using System.Net;
using System.Net.Sockets;

namespace Roundtable.Node.Devnet;

/// <summary>Finds loopback ports for a local network laid out by <see cref="DevnetLayout"/> (node i: API base+10i+7, peers base+10i+6, DNS base+10i+5).</summary>
public static class DevnetPorts
{
    private const int Lowest = 20_000;

    // Below the kernel's ephemeral range (32768 and up), where outgoing connections would take ports from under a node.
    private const int Slots = (32_000 - Lowest) / 10;

    private static readonly HashSet<int> Claimed = [];

    /// <summary>
    /// A base port whose API and peer ports are all free now and that this process has not handed
    /// out before (tests start several networks side by side). Another process may still take a port
    /// before the nodes bind it; callers that cannot retry should pass a fixed base instead.
    /// </summary>
    public static int FindFreeBase(int validators)
    {
        lock (Claimed)
        {
            for (var attempt = 0; attempt < 1000; attempt++)
            {
                var candidate = Lowest + (Random.Shared.Next(Slots - validators) * 10);
                var slots = Enumerable.Range(0, validators).Select(i => candidate + (10 * i)).ToList();
                if (slots.Any(Claimed.Contains) || !slots.All(s => IsFree(s + 5) && IsFree(s + 6) && IsFree(s + 7)))
                {
                    continue;
                }

                Claimed.UnionWith(slots);
                return candidate;
            }
        }

        throw new InvalidOperationException($"No free block of ports for {validators} nodes between {Lowest} and 32000.");
    }

    private static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            using var udp = new UdpClient(new IPEndPoint(IPAddress.Loopback, port));
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
