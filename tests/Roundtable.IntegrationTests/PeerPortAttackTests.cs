using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using Roundtable.Core.Encoding;
using Roundtable.Core.Hashing;
using Roundtable.IntegrationTests.Support;
using Roundtable.Ledger.Blocks;
using Roundtable.Ledger.Consensus;
using Roundtable.Network;
using Roundtable.Node.Devnet;
using Roundtable.Node.Hosting;
using Roundtable.Node.Peers;

namespace Roundtable.IntegrationTests;

/// <summary>
/// A compromised peer (it holds a validator's node and validator keys) throws everything at the
/// honest three: floods, votes for unknown heights, forged signatures, undecodable payloads.
/// The honest validators hold three quarters of the power and must keep committing.
/// </summary>
public sealed class PeerPortAttackTests : IDisposable
{
    private readonly ScratchDirectory _dir = new("roundtable-attack-");

    [Fact]
    public async Task Garbage_floods_and_forged_votes_from_a_peer_neither_crash_nodes_nor_stall_consensus()
    {
        var nodes = DevnetLayout.Create(_dir.Path, 4, DevnetPorts.FindFreeBase(4), 200, DateTimeOffset.UtcNow);
        var honest = nodes.Take(3).Select(n => NodeProcess.Start(n.Home, n.ApiUrl)).ToList();
        var attackerHome = new NodeHome(nodes[3].Home);
        using var nodeKey = attackerHome.LoadOrCreateNodeKey();
        using var validatorKey = KeyFiles.Read(attackerHome.ValidatorKeyFile);
        using var identity = new NodeIdentity(nodeKey);
        var config = attackerHome.LoadConfig();
        await using var attacker = new PeerNetwork(
            identity,
            new PeerNetworkOptions
            {
                Listen = IPEndPoint.Parse(config.P2pListen!),
                ChainId = DevnetLayout.ChainId,
                PersistentPeers = [.. config.PersistentPeers.Select(PeerAddress.Parse)],
                ReconnectMaxDelay = TimeSpan.FromMilliseconds(500),
            },
            NullLogger.Instance);
        try
        {
            foreach (var node in honest)
            {
                await node.WaitUntilServingAsync();
            }

            await attacker.StartAsync(CancellationToken.None);
            await NodeWaits.UntilAsync(() => Task.FromResult(attacker.Peers.Count == 3), "the attacker to connect", honest);
            var before = await honest[0].HeightAsync();

            var random = new Random(7);
            for (var round = 0; round < 20; round++)
            {
                // A flood of status claims and of validly signed votes for heights that will never exist.
                for (var i = 0; i < 2000; i++)
                {
                    attacker.Broadcast(WireType.Status, Canonical.ToBytes(new StatusMessage(ulong.MaxValue - (ulong)i)));
                }

                for (var i = 0; i < 200; i++)
                {
                    var vote = Vote.Sign(DevnetLayout.ChainId, VoteType.Prevote, 1_000_000_000 + (ulong)i, 0, Hash256.Compute([(byte)i]), 1, validatorKey.PublicKey, p => validatorKey.Sign(p));
                    attacker.Broadcast(WireType.Vote, Canonical.ToBytes(vote));
                }

                // A vote whose signature is for other bytes, then payloads that decode as nothing.
                var honestVote = Vote.Sign(DevnetLayout.ChainId, VoteType.Precommit, before + 1, 0, Hash256.Zero, 1, validatorKey.PublicKey, p => validatorKey.Sign(p));
                var forged = Canonical.ToBytes(honestVote with { BlockId = Hash256.Compute("forged"u8) });
                attacker.Broadcast(WireType.Vote, forged);
                var garbage = new byte[random.Next(1, 5000)];
                random.NextBytes(garbage);
                attacker.Broadcast((byte)random.Next(1, 256), garbage);
                await Task.Delay(100);
            }

            // The honest three decided new blocks throughout, and none of them died.
            await NodeWaits.UntilAsync(async () => await honest[0].HeightAsync() > before + 10 && await honest[2].HeightAsync() > before + 10, "honest progress", honest);
            Assert.All(honest, n => Assert.False(n.HasExited, n.Output));
            Assert.Contains("disconnect", string.Concat(honest.Select(n => n.Output)), StringComparison.OrdinalIgnoreCase);
        }
        finally
        {
            honest.ForEach(n => n.Dispose());
        }
    }

    public void Dispose() => _dir.Dispose();
}
