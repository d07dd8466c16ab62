using System.Net;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Roundtable.Application.Names;
using Roundtable.Application.State;
using Roundtable.Core.Encoding;
using Roundtable.Dns;
using Roundtable.Ledger.Names;
using Roundtable.Node.Chain;
using Roundtable.Node.Runtime;

namespace Roundtable.Node.Dns;

/// <summary>
/// Keeps the DNS server on the committed state: after each block it compares every zone's policy
/// and version with what it serves, rebuilds only the zones that changed, from a frozen snapshot
/// (outside the chain's lock, so consensus never waits for a zone build), and publishes the new
/// set in one swap. Blocks that arrive during a build collapse into one more build from the newest
/// state, so the server lags by at most one build and never serves a height partly.
/// </summary>
public sealed class ZoneFeed : IAsyncDisposable
{
    private readonly ChainState _chain;
    private readonly AnswerEngine _engine;
    private readonly ILogger _log;
    private readonly IReadOnlyDictionary<string, TsigKey> _tsigKeys;
    private readonly OperatorKeys _signingKeys;
    private readonly Dictionary<string, (string Keys, ZoneSigner Signer)> _signers = new(StringComparer.Ordinal);
    private readonly Channel<bool> _wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _worker;
    private IReadOnlyDictionary<string, ServedZone> _served = new Dictionary<string, ServedZone>(StringComparer.Ordinal);

    /// <summary>
    /// Starts following <paramref name="chain"/> and publishing into <paramref name="engine"/>; the
    /// first build runs at once. <paramref name="tsigKeys"/> are this operator's TSIG secrets by
    /// absolute key name, for zones whose policy asks for signed transfers; <paramref name="signingKeys"/>
    /// its DNSSEC keys, for zones whose policy publishes them as active.
    /// </summary>
    public ZoneFeed(ChainState chain, AnswerEngine engine, IReadOnlyDictionary<string, TsigKey> tsigKeys, OperatorKeys signingKeys, ILogger log)
    {
        _chain = chain;
        _engine = engine;
        _tsigKeys = tsigKeys;
        _signingKeys = signingKeys;
        _log = log;
        _chain.BlockCommitted += OnBlockCommitted;
        _wake.Writer.TryWrite(true);
        _worker = Task.Run(RunAsync);
    }

    /// <summary>Raised after each publish with the set now served (tests wait on it).</summary>
    public event Action<ZoneSet>? Published;

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        _chain.BlockCommitted -= OnBlockCommitted;
        await _stop.CancelAsync().ConfigureAwait(false);
        await _worker.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _stop.Dispose();
    }

    private void OnBlockCommitted(StoredBlock block) => _wake.Writer.TryWrite(true);

    private async Task RunAsync()
    {
        try
        {
            while (await _wake.Reader.WaitToReadAsync(_stop.Token).ConfigureAwait(false))
            {
                _wake.Reader.TryRead(out _);
                try
                {
                    Refresh();
                }
                catch (Exception e) when (e is DnsZoneException or InvalidDataException or FormatException)
                {
                    // The server keeps the last good set; the next block tries again.
                    _log.LogError(e, "DNS could not rebuild its zones; it keeps serving height {Height}", _engine.Zones.Height);
                }
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    private void Refresh()
    {
        var (snapshot, blockTimeMs) = _chain.Query(app => (app.Snapshot(), app.LastBlockTimeMs));
        var next = new Dictionary<string, ServedZone>(StringComparer.Ordinal);
        var changed = false;
        foreach (var entry in snapshot.EnumeratePrefix(NameKeys.ZonePrefix))
        {
            var policy = Canonical.FromBytes<ZonePolicy>(entry.Value);
            var version = snapshot.Get(NameKeys.Version(policy.Origin)) is { } raw ? Canonical.FromBytes<ZoneVersion>(raw) : new ZoneVersion(0);

            // Signatures follow block time in weekly windows, so a zone is re-signed once a week even when nothing changes.
            var window = SignatureWindow.Weekly((long)(blockTimeMs / 1000));
            if (_served.TryGetValue(policy.Origin, out var current) && current.Policy.Equals(policy) && current.Version == version && current.Window == window)
            {
                next[policy.Origin] = current;
                continue;
            }

            next[policy.Origin] = new ServedZone(policy, version, window, Build(snapshot, policy, version, blockTimeMs, Signing(policy, window)));
            changed = true;
        }

        if (!changed && next.Count == _served.Count)
        {
            return;
        }

        _served = next;
        var set = new ZoneSet(next.Values.Select(z => z.Zone), (long)snapshot.Height);
        _engine.Publish(set);
        _log.LogInformation("DNS now serves {Zones} zone(s) from height {Height}", next.Count, snapshot.Height);
        Published?.Invoke(set);
    }

    private DnsZone Build(StateSnapshot snapshot, ZonePolicy policy, ZoneVersion version, ulong blockTimeMs, ZoneSigning? signing)
    {
        var names = snapshot.EnumeratePrefix(NameKeys.NamesOf(policy.Origin)).Select(e => Canonical.FromBytes<NameHolding>(e.Value));
        var zone = ZoneProjection.Build(policy, version, names, blockTimeMs,
            (name, reason) => _log.LogWarning("DNS leaves {Name} out of its zone: {Reason}", name, reason), signing);
        return zone.WithTransferPolicy(TransferPolicy(policy));
    }

    /// <summary>
    /// How this node signs the zone: the policy's published keys as the DNSKEY set, this node's
    /// active ones as signers, one signer per zone kept across builds so unchanged RRsets keep their
    /// signatures. Null (unsigned) when the policy publishes no keys, or, with a warning, when this
    /// node holds none of the active ones: validators would then reject its answers.
    /// </summary>
    private ZoneSigning? Signing(ZonePolicy policy, SignatureWindow window)
    {
        if (policy.SigningKeys.Count == 0)
        {
            return null;
        }

        var mine = _signingKeys.ActiveFor(policy);
        if (mine.Count == 0)
        {
            _log.LogWarning("Zone {Zone} is signed by its operators, but this node holds none of its active keys (config/dnssec): it serves the zone unsigned", policy.Origin);
            return null;
        }

        var keyIds = string.Join(',', mine.Select(k => k.PublicKey.KeyTag));
        if (!_signers.TryGetValue(policy.Origin, out var signer) || signer.Keys != keyIds)
        {
            signer = (keyIds, new ZoneSigner(mine));
            _signers[policy.Origin] = signer;
        }

        return new ZoneSigning(OperatorKeys.Published(policy), signer.Signer, window);
    }

    /// <summary>
    /// Who may transfer the zone and whom NOTIFY tells: the policy's secondaries, with the TSIG key
    /// the policy names. Without this operator's secret for that key, nobody may (and it is logged).
    /// </summary>
    private ZoneTransferPolicy TransferPolicy(ZonePolicy policy)
    {
        var secondaries = policy.Secondaries.Select(s => new IPEndPoint(new IPAddress(s.Address), s.Port)).ToList();
        if (policy.TransferKey.Length == 0)
        {
            return new ZoneTransferPolicy([.. secondaries.Select(s => new IPNetwork(s.Address, s.Address.GetAddressBytes().Length * 8))], [], secondaries);
        }

        if (_tsigKeys.TryGetValue(ZoneTransfers.KeyName(policy.TransferKey), out var key))
        {
            return new ZoneTransferPolicy([.. secondaries.Select(s => new IPNetwork(s.Address, s.Address.GetAddressBytes().Length * 8))], [key], secondaries);
        }

        if (secondaries.Count > 0)
        {
            _log.LogWarning("Zone {Zone} asks for transfers signed with TSIG key {Key}, whose secret is not in this node's tsigKeys: no transfers, no NOTIFY", policy.Origin, policy.TransferKey);
        }

        return new ZoneTransferPolicy([], [], []);
    }

    private sealed record ServedZone(ZonePolicy Policy, ZoneVersion Version, SignatureWindow Window, DnsZone Zone);
}
