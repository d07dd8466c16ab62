using Roundtable.Core.Encoding;
using Roundtable.Core.Hashing;
using Roundtable.Network;
using Roundtable.Node.PersonalData;

namespace Roundtable.Node.Peers;

/// <summary>
/// Brings a node the personal values it lacks (docs/network.md §10, "Disclosure re-sync"). A value
/// crosses the network once, when a node first keeps it; a node that was down then, or that heard
/// it before the field's transaction committed there, would otherwise never hold it. Every
/// <see cref="AskInterval"/> the node walks the next stretch of the recorded fields and asks one
/// peer, in turn, for the standing ones it lacks; the peer answers with a
/// <see cref="WireType.Disclosure"/> message for each value it holds, and those are checked and
/// kept like any other disclosure. Thread-safe.
/// </summary>
internal sealed class DisclosureSync
{
    /// <summary>How often the node asks a peer for values it lacks.</summary>
    public static readonly TimeSpan AskInterval = TimeSpan.FromSeconds(5);

    /// <summary>How often one peer's requests are answered; those in between are dropped.</summary>
    public static readonly TimeSpan AnswerInterval = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Most values asked for in one request, and answered for one: each answer is a message of its
    /// own, and a peer's outbound queue holds 1,024 messages that consensus shares.
    /// </summary>
    public const int MaxValuesPerRequest = 256;

    // Fields examined per ask: a node that holds every value walks the state a stretch at a time
    // (tens of milliseconds each), and a million fields take about five minutes to go round.
    private const int ScanPerAsk = 64 * MaxValuesPerRequest;

    private readonly PeerNetwork _network;
    private readonly PersonalDataDesk _desk;
    private readonly Lock _gate = new();
    private readonly RequestPacing _pacing = new(AnswerInterval);
    private Hash256? _resumeAfter;
    private int _turn;

    /// <summary>Creates the sync over a started network.</summary>
    public DisclosureSync(PeerNetwork network, PersonalDataDesk desk)
    {
        _network = network;
        _desk = desk;
        network.PeerDisconnected += (_, e) => _pacing.Forget(e.NodeId);
    }

    /// <summary>Asks a peer for missing values every <see cref="AskInterval"/> until cancelled.</summary>
    public Task RunAsync(CancellationToken cancellationToken) =>
        EveryInterval.RunAsync(AskInterval, () => AskNextPeer(), cancellationToken);

    /// <summary>
    /// Walks the next stretch of recorded fields and asks the next peer in turn for the values
    /// missing there; the peer asked, or null when no peer is connected or nothing was missing.
    /// </summary>
    public Hash256? AskNextPeer()
    {
        var peers = _network.Peers;
        if (peers.Count == 0)
        {
            return null;
        }

        MissingValues missing;
        Hash256 peer;
        lock (_gate)
        {
            missing = _desk.Missing(_resumeAfter, MaxValuesPerRequest, ScanPerAsk);
            _resumeAfter = missing.ResumeAfter;
            peer = peers[_turn++ % peers.Count].NodeId;
        }

        return missing.Commitments.Count > 0
            && _network.Send(peer, WireType.DisclosureRequest, Canonical.ToBytes(new HashesMessage(missing.Commitments)))
            ? peer
            : null;
    }

    /// <summary>
    /// Sends <paramref name="from"/> the values it asked for that this node holds (at most
    /// <see cref="MaxValuesPerRequest"/>), unless it was answered less than <see cref="AnswerInterval"/> ago.
    /// </summary>
    public void OnRequest(Hash256 from, HashesMessage request)
    {
        if (!_pacing.TryAnswer(from, Environment.TickCount64))
        {
            return;
        }

        foreach (var disclosure in _desk.Serve(request.Hashes.Take(MaxValuesPerRequest)))
        {
            _network.Send(from, WireType.Disclosure, Canonical.ToBytes(new DisclosureMessage(disclosure.Commitment, disclosure)));
        }
    }
}
