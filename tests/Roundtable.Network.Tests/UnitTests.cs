using System.Buffers.Binary;
using Roundtable.Core.Crypto;
using Roundtable.Core.Hashing;
using Roundtable.Network.Wire;

namespace Roundtable.Network.Tests;

public sealed class PeerAddressTests
{
    private static readonly Hash256 Id = Hash256.Compute("node"u8);

    [Theory]
    [InlineData("127.0.0.1", 26656)]
    [InlineData("node-1.example.org", 1)]
    [InlineData("::1", 65535)]
    public void ToString_Parse_RoundTrips(string host, int port)
    {
        var address = new PeerAddress(Id, host, port);
        var text = address.ToString();
        Assert.Equal(address, PeerAddress.Parse(text));
        Assert.StartsWith(Id + "@", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ReadsTheDocumentedForm()
    {
        var address = PeerAddress.Parse($"{Id}@[::1]:26656");
        Assert.Equal(new PeerAddress(Id, "::1", 26656), address);
        Assert.Equal($"{Id}@10.0.0.1:7000", PeerAddress.Parse($"{Id.ToString().ToUpperInvariant()}@10.0.0.1:7000").ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("127.0.0.1:26656")]
    [InlineData("abcd@127.0.0.1:26656")]
    [InlineData("{id}@127.0.0.1")]
    [InlineData("{id}@:26656")]
    [InlineData("{id}@127.0.0.1:0")]
    [InlineData("{id}@127.0.0.1:65536")]
    [InlineData("{id}@127.0.0.1:+80")]
    [InlineData("{id}@::1:80")]
    [InlineData("{id}@a b:80")]
    public void Parse_RefusesMalformedAddresses(string template)
    {
        var text = template.Replace("{id}", Id.ToString(), StringComparison.Ordinal);
        Assert.False(PeerAddress.TryParse(text, out _));
        Assert.Throws<FormatException>(() => PeerAddress.Parse(text));
    }
}

public sealed class NodeIdentityTests
{
    [Fact]
    public void Certificate_CarriesTheNodeKey()
    {
        using var key = PrivateKey.Generate();
        using var identity = new NodeIdentity(key);
        Assert.Equal(key.PublicKey.Id, identity.NodeId);
        Assert.True(identity.Certificate.HasPrivateKey);
        Assert.Equal(identity.NodeId, NodeIdentity.TryGetNodeId(identity.Certificate, out _));
    }

    [Fact]
    public void TryGetNodeId_RefusesMissingAndNonP256Certificates()
    {
        Assert.Null(NodeIdentity.TryGetNodeId(null, out var reason));
        Assert.Contains("no certificate", reason, StringComparison.Ordinal);

        using var rsa = System.Security.Cryptography.RSA.Create(2048);
        var request = new System.Security.Cryptography.X509Certificates.CertificateRequest(
            "CN=rsa", rsa, System.Security.Cryptography.HashAlgorithmName.SHA256, System.Security.Cryptography.RSASignaturePadding.Pkcs1);
        using var rsaCertificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        Assert.Null(NodeIdentity.TryGetNodeId(rsaCertificate, out reason));
        Assert.Contains("ECDSA", reason, StringComparison.Ordinal);

        using var p384 = System.Security.Cryptography.ECDsa.Create(System.Security.Cryptography.ECCurve.NamedCurves.nistP384);
        var request384 = new System.Security.Cryptography.X509Certificates.CertificateRequest("CN=p384", p384, System.Security.Cryptography.HashAlgorithmName.SHA256);
        using var p384Certificate = request384.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        Assert.Null(NodeIdentity.TryGetNodeId(p384Certificate, out reason));
        Assert.Contains("P-256", reason, StringComparison.Ordinal);
    }
}

public sealed class FrameTests
{
    [Fact]
    public async Task Encode_Read_RoundTrips()
    {
        var frame = Frame.Encode(7, [1, 2, 3]);
        Assert.Equal(new byte[] { 0, 0, 0, 4, 7, 1, 2, 3 }, frame);
        using var stream = new MemoryStream([.. frame, .. Frame.Encode(9, [])]);
        var header = new byte[Frame.HeaderSize];
        var first = await Frame.ReadAsync(stream, header, 16, CancellationToken.None);
        Assert.Equal(7, first!.Value.Type);
        Assert.Equal(new byte[] { 1, 2, 3 }, first.Value.Payload);
        var second = await Frame.ReadAsync(stream, header, 16, CancellationToken.None);
        Assert.Equal(9, second!.Value.Type);
        Assert.Empty(second.Value.Payload);
        Assert.Null(await Frame.ReadAsync(stream, header, 16, CancellationToken.None));
    }

    [Fact]
    public async Task Read_RefusesZeroLength()
    {
        using var stream = new MemoryStream([0, 0, 0, 0, 1]);
        var e = await Assert.ThrowsAsync<InvalidDataException>(() => Frame.ReadAsync(stream, new byte[Frame.HeaderSize], 16, CancellationToken.None).AsTask());
        Assert.Contains("zero-length", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Read_RefusesOversizeFromTheHeaderAlone()
    {
        // Only the four length bytes exist: refusing (rather than waiting for or allocating the
        // claimed 4 GiB) shows the check happens before anything else.
        var header = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(header, uint.MaxValue);
        using var stream = new MemoryStream(header);
        var e = await Assert.ThrowsAsync<InvalidDataException>(() => Frame.ReadAsync(stream, new byte[Frame.HeaderSize], 1024, CancellationToken.None).AsTask());
        Assert.Contains("exceeds the limit of 1024", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Read_AcceptsExactlyTheLimit()
    {
        using var stream = new MemoryStream(Frame.Encode(1, new byte[15]));
        var frame = await Frame.ReadAsync(stream, new byte[Frame.HeaderSize], 16, CancellationToken.None);
        Assert.Equal(15, frame!.Value.Payload.Length);
    }

    [Fact]
    public async Task Read_ReportsTruncationInsideAFrame()
    {
        using var stream = new MemoryStream([0, 0, 0, 9, 1, 2]);
        await Assert.ThrowsAsync<EndOfStreamException>(() => Frame.ReadAsync(stream, new byte[Frame.HeaderSize], 16, CancellationToken.None).AsTask());
        using var partialHeader = new MemoryStream([0, 0]);
        await Assert.ThrowsAsync<EndOfStreamException>(() => Frame.ReadAsync(partialHeader, new byte[Frame.HeaderSize], 16, CancellationToken.None).AsTask());
    }

    [Fact]
    public void Hello_RoundTrips_AndRefusesTrailingBytes()
    {
        var hello = new Hello(1, "chain-é", Hash256.Compute("x"u8), 26656, ulong.MaxValue, 3);
        var frame = Control.EncodeHelloFrame(hello);
        Assert.Equal(Frame.ControlType, frame[4]);
        Assert.Equal(hello, Control.DecodeHello(frame.AsSpan(Frame.HeaderSize)));
        Assert.Throws<InvalidDataException>(() => Control.DecodeHello([.. frame.AsSpan(Frame.HeaderSize), 0]));
        Assert.Throws<InvalidDataException>(() => Control.DecodeHello([Control.HelloCode]));
    }

    [Fact]
    public void Goodbye_TruncatesLongReasons_AndSanitisesControlCharacters()
    {
        var frame = Control.EncodeGoodbyeFrame(new string('é', 300) + "\ud800");
        var reason = Control.DecodeGoodbye(frame.AsSpan(Frame.HeaderSize));
        Assert.Equal(128, reason.Length); // 2 UTF-8 bytes each, 256 bytes at most, no split character
        Assert.Equal("a?b", Control.DecodeGoodbye(Control.EncodeGoodbyeFrame("a\nb").AsSpan(Frame.HeaderSize)));
    }
}

public sealed class DuplicateResolutionTests
{
    [Fact]
    public void BothEndsKeepTheSameConnection()
    {
        var a = Hash256.Compute("a"u8);
        var b = Hash256.Compute("b"u8);
        var keys = new[]
        {
            new ConnectionKey(a, 1, 7), new ConnectionKey(a, 2, 7),
            new ConnectionKey(b, 1, 7), new ConnectionKey(b, 5, 7),
        };
        foreach (var x in keys)
        {
            foreach (var y in keys.Where(k => k != x))
            {
                // The instance in a key is the remote's; with no restart it is constant per side,
                // so both ends evaluate the same dialer and sequence facts.
                var atA = DuplicateResolution.CandidateWins(a, b, x, y);
                var atB = DuplicateResolution.CandidateWins(b, a, x, y);
                Assert.Equal(atA, atB);
                Assert.NotEqual(atA, DuplicateResolution.CandidateWins(a, b, y, x));
            }
        }

        var lower = a < b ? a : b;
        var higher = a < b ? b : a;
        Assert.True(DuplicateResolution.CandidateWins(a, b, new ConnectionKey(higher, 9, 7), new ConnectionKey(lower, 1, 7)));
        Assert.False(DuplicateResolution.CandidateWins(a, b, new ConnectionKey(lower, 1, 7), new ConnectionKey(higher, 9, 7)));
    }

    [Fact]
    public void AConnectionFromARestartedPeerReplacesTheStaleOne()
    {
        var a = Hash256.Compute("a"u8);
        var b = Hash256.Compute("b"u8);
        var lower = a < b ? a : b;
        var higher = a < b ? b : a;
        Assert.True(DuplicateResolution.CandidateWins(lower, higher, new ConnectionKey(lower, 1, 100), new ConnectionKey(higher, 1, 200)));
    }
}

public sealed class BackoffTests
{
    [Fact]
    public void DoublesToTheCeilingWithJitter_AndResets()
    {
        var backoff = new Backoff(TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(5));
        var ceilings = new List<double>();
        for (var i = 0; i < 10; i++)
        {
            var ceiling = backoff.Ceiling;
            var delay = backoff.Next();
            Assert.InRange(delay, ceiling / 2, ceiling);
            ceilings.Add(ceiling.TotalMilliseconds);
        }

        Assert.Equal([100, 200, 400, 800, 1600, 3200, 5000, 5000, 5000, 5000], ceilings);
        backoff.Reset();
        Assert.Equal(TimeSpan.FromMilliseconds(100), backoff.Ceiling);
    }
}

public sealed class OptionsTests
{
    private static readonly PeerNetworkOptions Valid = new() { Listen = new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, 0), ChainId = "c" };

    [Fact]
    public void Defaults_AreValid_AndMatchTheDocumentation()
    {
        Valid.Validate();
        Assert.Equal(4 * 1024 * 1024, Valid.MaxFrameBytes);
        Assert.Equal(TimeSpan.FromMilliseconds(100), Valid.ReconnectInitialDelay);
        Assert.Equal(TimeSpan.FromSeconds(5), Valid.ReconnectMaxDelay);
    }

    [Fact]
    public void Validate_RefusesNonsense()
    {
        var peer = new PeerAddress(Hash256.Compute("p"u8), "127.0.0.1", 1);
        Assert.ThrowsAny<ArgumentException>(() => (Valid with { ChainId = "" }).Validate());
        Assert.ThrowsAny<ArgumentException>(() => (Valid with { ChainId = new string('x', 129) }).Validate());
        Assert.ThrowsAny<ArgumentException>(() => (Valid with { MaxFrameBytes = 0 }).Validate());
        Assert.ThrowsAny<ArgumentException>(() => (Valid with { InboundQueueCapacity = 0 }).Validate());
        Assert.ThrowsAny<ArgumentException>(() => (Valid with { OutboundQueueCapacityPerPeer = 0 }).Validate());
        Assert.ThrowsAny<ArgumentException>(() => (Valid with { IdleTimeout = TimeSpan.FromSeconds(1), PingInterval = TimeSpan.FromSeconds(1) }).Validate());
        Assert.ThrowsAny<ArgumentException>(() => (Valid with { ReconnectMaxDelay = TimeSpan.FromMilliseconds(10) }).Validate());
        Assert.ThrowsAny<ArgumentException>(() => (Valid with { PersistentPeers = [peer, peer] }).Validate());
    }

    [Fact]
    public void Constructor_RefusesThisNodeAsItsOwnPersistentPeer()
    {
        using var key = PrivateKey.Generate();
        using var identity = new NodeIdentity(key);
        var options = Valid with { PersistentPeers = [new PeerAddress(identity.NodeId, "127.0.0.1", 1)] };
        Assert.Throws<ArgumentException>(() => new PeerNetwork(identity, options, Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance));
    }
}
