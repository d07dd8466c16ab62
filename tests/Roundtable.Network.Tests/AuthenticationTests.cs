using Roundtable.Core.Crypto;
using Roundtable.Network.Tests.Support;
using Roundtable.Network.Wire;
using Xunit.Abstractions;

namespace Roundtable.Network.Tests;

public sealed class AuthenticationTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Dialing_APeerWhoseKeyIsNotThePinnedOne_IsRefused()
    {
        using var otherKey = PrivateKey.Generate();
        await using var b = await TestNode.StartAsync("b", output);
        var wrong = b.Address with { NodeId = otherKey.PublicKey.Id };
        await using var a = await TestNode.StartAsync("a", output, o => o with { PersistentPeers = [wrong] });

        await Eventually.True(() => a.HandshakeFailures.Any(), "a to refuse b's key");
        var failure = a.HandshakeFailures.First();
        Assert.Equal(PeerDirection.Outbound, failure.Direction);
        Assert.Contains($"presented node id {b.Id}, expected {otherKey.PublicKey.Id}", failure.Reason, StringComparison.Ordinal);
        await Eventually.True(() => b.HandshakeFailures.Any(), "b to see the failed handshake");
        Assert.Empty(a.Network.Peers);
        Assert.Empty(b.Network.Peers);
        Assert.Empty(a.Connected);
        Assert.Empty(b.Connected);
    }

    [Fact]
    public async Task APeerOutsideTheAllowedSet_IsRefused_WhileAnAllowedOneConnects()
    {
        using var cKey = PrivateKey.Generate();
        await using var b = await TestNode.StartAsync("b", output, o => o with { AllowedPeers = new HashSet<Core.Hashing.Hash256> { cKey.PublicKey.Id } });
        await using var a = await TestNode.StartAsync("a", output, o => o with { PersistentPeers = [b.Address] });
        await using var c = await TestNode.StartAsync("c", output, o => o with { PersistentPeers = [b.Address] }, key: cKey);

        await Eventually.True(() => b.HandshakeFailures.Any(f => f.NodeId == a.Id), "b to refuse a");
        Assert.Contains("not in the allowed peer set", b.HandshakeFailures.First(f => f.NodeId == a.Id).Reason, StringComparison.Ordinal);
        await Eventually.True(() => c.IsConnectedTo(b) && b.IsConnectedTo(c), "the allowed peer c to connect");
        await Eventually.True(() => a.HandshakeFailures.Any(), "a to see its handshake fail");
        Assert.False(b.IsConnectedTo(a));
        Assert.Empty(a.Network.Peers);
        Assert.DoesNotContain(b.Connected, p => p.NodeId == a.Id);
    }

    [Fact]
    public async Task ChainIdMismatch_IsRefusedWithAReason_OnBothSides()
    {
        await using var b = await TestNode.StartAsync("b", output, o => o with { ChainId = "chain-b" });
        await using var a = await TestNode.StartAsync("a", output, o => o with { ChainId = "chain-a", PersistentPeers = [b.Address] });

        await Eventually.True(() => a.HandshakeFailures.Any() && b.HandshakeFailures.Any(), "both sides to refuse");
        Assert.Contains("chain id mismatch: the peer is on 'chain-b', this node on 'chain-a'", a.HandshakeFailures.First().Reason, StringComparison.Ordinal);
        Assert.Contains("chain id mismatch: the peer is on 'chain-a', this node on 'chain-b'", b.HandshakeFailures.First().Reason, StringComparison.Ordinal);
        Assert.Empty(a.Network.Peers);
        Assert.Empty(b.Network.Peers);
    }

    [Fact]
    public async Task AClientWithoutACertificate_IsRefused()
    {
        await using var b = await TestNode.StartAsync("b", output);
        try
        {
            await using var raw = await RawPeer.ConnectAsync(b.EndPoint, identity: null);
            await raw.ReadUntilClosedAsync();
        }
        catch (System.Security.Authentication.AuthenticationException)
        {
            // Refused during the TLS handshake itself: also correct.
        }
        catch (IOException)
        {
        }

        await Eventually.True(() => b.HandshakeFailures.Any(), "b to report the refusal");
        Assert.Contains("no certificate", b.HandshakeFailures.First().Reason, StringComparison.Ordinal);
        Assert.Empty(b.Network.Peers);
    }

    [Fact]
    public async Task AHelloClaimingAnotherNodeId_IsRefused()
    {
        await using var b = await TestNode.StartAsync("b", output);
        using var key = PrivateKey.Generate();
        using var identity = new NodeIdentity(key);
        using var otherKey = PrivateKey.Generate();

        await using var raw = await RawPeer.ConnectAsync(b.EndPoint, identity);
        await raw.SendHelloAsync(otherKey.PublicKey.Id);
        var goodbye = await raw.ReadUntilClosedAsync();

        Assert.Contains("the hello claims node id", goodbye, StringComparison.Ordinal);
        await Eventually.True(() => b.HandshakeFailures.Any(), "b to report the refusal");
        Assert.Empty(b.Network.Peers);
    }

    [Fact]
    public async Task AnUnsupportedProtocolVersion_IsRefused()
    {
        await using var b = await TestNode.StartAsync("b", output);
        using var key = PrivateKey.Generate();
        using var identity = new NodeIdentity(key);

        await using var raw = await RawPeer.ConnectAsync(b.EndPoint, identity);
        await raw.SendHelloAsync(identity.NodeId, version: 99);
        var goodbye = await raw.ReadUntilClosedAsync();

        Assert.Contains("protocol version 99 is not supported", goodbye, StringComparison.Ordinal);
        Assert.Empty(b.Network.Peers);
    }

    [Fact]
    public async Task AFirstFrameThatIsNotAHello_IsAViolation()
    {
        await using var b = await TestNode.StartAsync("b", output);
        using var key = PrivateKey.Generate();
        using var identity = new NodeIdentity(key);

        await using var raw = await RawPeer.ConnectAsync(b.EndPoint, identity);
        await raw.WriteAsync(Frame.Encode(5, "vote"u8));
        var goodbye = await raw.ReadUntilClosedAsync();

        Assert.Contains("not a hello", goodbye, StringComparison.Ordinal);
        await Eventually.True(() => b.HandshakeFailures.Any(), "b to report the violation");
        Assert.Contains("protocol violation", b.HandshakeFailures.First().Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AHelloFrameLargerThanAHelloCanBe_IsRefusedBeforeItIsRead()
    {
        await using var b = await TestNode.StartAsync("b", output);
        using var key = PrivateKey.Generate();
        using var identity = new NodeIdentity(key);

        await using var raw = await RawPeer.ConnectAsync(b.EndPoint, identity);
        await raw.WriteAsync([0x00, 0x10, 0x00, 0x00]); // claims 1 MiB, sends nothing more
        var goodbye = await raw.ReadUntilClosedAsync();

        Assert.Contains($"exceeds the limit of {Control.MaxHelloFrameBytes}", goodbye, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AConnectionFromThisNodesOwnKey_IsRefused()
    {
        await using var a = await TestNode.StartAsync("a", output);
        try
        {
            await using var raw = await RawPeer.ConnectAsync(a.EndPoint, a.Identity);
            await raw.SendHelloAsync(a.Id);
            await raw.ReadUntilClosedAsync();
        }
        catch (Exception e) when (e is System.Security.Authentication.AuthenticationException or IOException)
        {
            // Refused during TLS: also correct.
        }

        await Eventually.True(() => a.HandshakeFailures.Any(), "a to refuse itself");
        Assert.Contains("own key", a.HandshakeFailures.First().Reason, StringComparison.Ordinal);
    }
}
