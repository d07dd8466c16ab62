using System.Runtime.InteropServices;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Roundtable.Consensus;
using Roundtable.Core.Encoding;
using Roundtable.Core.Hashing;
using Roundtable.Ledger.Blocks;
using Roundtable.Ledger.Consensus;
using Roundtable.Ledger.Transactions;
using Roundtable.Network;
using Roundtable.Node.Consensus;
using Roundtable.Node.PersonalData;
using Roundtable.Node.Runtime;
using Roundtable.Node.StateSync;

namespace Roundtable.Node.Peers;

/// <summary>
/// What the node says to its peers and how it understands them: consensus messages (blocks split
/// into parts), transactions, evidence, and catch-up of committed blocks. Consensus messages of the
/// current height are relayed (see <see cref="HeightMessages"/>), so a node needs only some of the
/// others as peers. Anything a peer sends that does not decode or verify gets that peer
/// disconnected; nothing it sends can crash the node.
/// </summary>
public sealed class PeerGossip : IConsensusGossip
{
    private static readonly TimeSpan StatusInterval = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(3);
    private const int MaxAssemblies = 16;
    private const int RelayQueueCapacity = 10_000;

    private readonly PeerNetwork _network;
    private readonly ChainState _chain;
    private readonly ILogger _log;
    private readonly Lock _gate = new();
    private readonly HeightMessages _current = new();
    private readonly SnapshotServer _snapshots;
    private readonly Dictionary<(ulong Height, uint Round, Hash256 Proposer), Assembly> _assemblies = [];
    private readonly PersonalDataDesk? _personalData;
    private readonly DisclosureSync? _disclosureSync;
    private readonly TransactionRelay _transactions;

    // Peers' transactions wait here for admission (a signature check each), so that votes and block
    // parts behind them on the wire are not held up; when full, a relayed transaction is dropped (the
    // node still executes it if a block carries it).
    private readonly Channel<(Transaction Tx, Hash256 From)> _relayed = Channel.CreateBounded<(Transaction Tx, Hash256 From)>(
        new BoundedChannelOptions(RelayQueueCapacity) { SingleReader = true, FullMode = BoundedChannelFullMode.DropWrite });
    private ConsensusLoop? _loop;
    private readonly CatchUpRequests _catchUp = new(RequestTimeout);

    /// <summary>
    /// Creates the gossip layer over a started network; with <paramref name="personalData"/>,
    /// disclosures it newly keeps go to the peers, the peers' are checked and kept there, and the
    /// values it lacks are asked for (<see cref="DisclosureSync"/>).
    /// </summary>
    public PeerGossip(PeerNetwork network, ChainState chain, ILogger log, PersonalDataDesk? personalData = null)
    {
        _network = network;
        _chain = chain;
        _log = log;
        _snapshots = new SnapshotServer(network, chain);
        _transactions = new TransactionRelay(network, chain);
        _personalData = personalData;
        _chain.TransactionAdmitted += _transactions.Submitted;
        _network.PeerDisconnected += (_, e) =>
        {
            lock (_gate)
            {
                _catchUp.Forget(e.NodeId);
            }
        };
        if (personalData is not null)
        {
            _disclosureSync = new DisclosureSync(network, personalData);
            personalData.Kept += (commitment, disclosure) => _network.Broadcast(WireType.Disclosure, Canonical.ToBytes(new DisclosureMessage(commitment, disclosure)));
        }
    }

    /// <summary>Connects the consensus loop that receives peers' messages (set once, before <see cref="RunAsync"/>).</summary>
    public void Attach(ConsensusLoop loop) => _loop = loop;

    /// <inheritdoc />
    public void BroadcastProposal(Proposal proposal, Block block)
    {
        var bytes = block.Encoded;
        var parts = (bytes.Length + ProposalMessage.PartSize - 1) / ProposalMessage.PartSize;
        Remember(WireType.Proposal, Canonical.ToBytes(new ProposalMessage(proposal, bytes.Length, parts)), proposal.Height);
        foreach (var part in Parts(proposal, block.Id, bytes))
        {
            Remember(WireType.BlockPart, part, proposal.Height);
        }
    }

    /// <summary>The encoded parts of a proposed block, in order.</summary>
    private static IEnumerable<byte[]> Parts(Proposal proposal, Hash256 blockId, ReadOnlyMemory<byte> bytes)
    {
        for (var i = 0; i * ProposalMessage.PartSize < bytes.Length; i++)
        {
            var slice = bytes.Slice(i * ProposalMessage.PartSize, Math.Min(ProposalMessage.PartSize, bytes.Length - (i * ProposalMessage.PartSize))).ToArray();
            yield return Canonical.ToBytes(new BlockPartMessage(proposal.Height, proposal.Round, blockId, i, slice), slice.Length + BlockPartMessage.MaxHeaderBytes);
        }
    }

    /// <inheritdoc />
    public void BroadcastVote(Vote vote) => Remember(WireType.Vote, Canonical.ToBytes(vote), vote.Height);

    /// <inheritdoc />
    public void BroadcastEvidence(DuplicateVoteEvidence evidence) => _network.Broadcast(WireType.Evidence, Canonical.ToBytes(evidence));

    /// <summary>Reads peers' messages, admits their transactions and sends periodic status and re-gossip until cancelled.</summary>
    public Task RunAsync(CancellationToken cancellationToken) =>
        Task.WhenAll(
            ReceiveAsync(cancellationToken),
            AdmitRelayedAsync(cancellationToken),
            EveryInterval.RunAsync(StatusInterval, Heartbeat, cancellationToken),
            _transactions.RunAsync(cancellationToken),
            _disclosureSync?.RunAsync(cancellationToken) ?? Task.CompletedTask);

    private void Remember(byte type, byte[] payload, ulong height)
    {
        _current.TryAdd(type, payload, height);
        _network.Broadcast(type, payload);
    }

    /// <summary>
    /// Forwards a peer's message to every peer the first time it is seen, if it is of the current
    /// height and <paramref name="signer"/> is a validator of that height; true when it was forwarded.
    /// </summary>
    private bool Relay(byte type, byte[] payload, ulong height, Core.Crypto.PublicKey signer) =>
        height == _chain.Height + 1 && IsValidatorOf(height, signer) && Forward(type, payload, height);

    /// <summary>Keeps and broadcasts a message unless it was kept already.</summary>
    private bool Forward(byte type, byte[] payload, ulong height)
    {
        if (!_current.TryAdd(type, payload, height))
        {
            return false;
        }

        _network.Broadcast(type, payload);
        return true;
    }

    /// <summary>True when <paramref name="key"/> is a validator of <paramref name="height"/> (false for a height no longer or not yet known).</summary>
    private bool IsValidatorOf(ulong height, Core.Crypto.PublicKey key)
    {
        try
        {
            return _chain.ValidatorsFor(height).Validators.Find(key) is not null;
        }
        catch (InvalidOperationException)
        {
            return false; // The chain moved on between the caller's check and this one.
        }
    }

    private void Heartbeat()
    {
        _network.Broadcast(WireType.Status, Canonical.ToBytes(new StatusMessage(_chain.Height)));
        _current.DropBelow(_chain.Height + 1);
        foreach (var (type, payload) in _current.TakeDue())
        {
            _network.Broadcast(type, payload);
        }
    }

    private async Task ReceiveAsync(CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var message in _network.Inbound.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                try
                {
                    Dispatch(message);
                }
                catch (DecodeException e)
                {
                    _network.Disconnect(message.From, $"sent an undecodable message of type {message.Type}: {e.Message}", TimeSpan.FromSeconds(10));
                }
                catch (InvalidPeerDataException e)
                {
                    _network.Disconnect(message.From, e.Message, TimeSpan.FromSeconds(10));
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>Admits peers' transactions in the order they arrived (a sender's sequences stay in order); those admitted are announced onward.</summary>
    private async Task AdmitRelayedAsync(CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var (tx, from) in _relayed.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                // ReadAllAsync observes cancellation only when the queue is empty; shutdown must not wait for a backlog.
                cancellationToken.ThrowIfCancellationRequested();
                _transactions.Admitted(tx, from, _chain.Submit(tx, fromPeer: true).Result.IsOk);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    private void Dispatch(InboundMessage message)
    {
        var now = _loop!.NowMs;
        if (message.Type is WireType.Vote or WireType.Proposal or WireType.BlockPart && _current.Contains(message.Type, message.Payload.Span))
        {
            return; // Seen and handled already (re-gossip, or the same message relayed by another peer).
        }

        var decoded = WireCodec.Decode(message.Type, message.Payload.Span);
        if (_snapshots.TryAnswer(message.From, decoded))
        {
            return;
        }

        switch (decoded)
        {
            case Transaction tx:
                Receive(tx, message.From);
                break;
            case TransactionsMessage transactions:
                foreach (var tx in transactions.Transactions)
                {
                    Receive(tx, message.From);
                }

                break;
            case HashesMessage hashes when message.Type == WireType.TransactionAnnounce:
                _transactions.OnAnnounce(message.From, hashes);
                break;
            case HashesMessage hashes when message.Type == WireType.DisclosureRequest:
                _disclosureSync?.OnRequest(message.From, hashes);
                break;
            case HashesMessage hashes:
                _transactions.OnRequest(message.From, hashes);
                break;
            case Vote vote:
                if (!vote.VerifySignature(_chain.ChainId))
                {
                    throw new InvalidPeerDataException("sent a vote with an invalid signature");
                }

                // A vote the full inbox dropped is not marked seen, so re-gossip can still bring it.
                if (_loop.Post(new VoteReceived(vote, now)))
                {
                    Relay(WireType.Vote, message.Payload.ToArray(), vote.Height, vote.Validator);
                }

                break;
            case ProposalMessage proposal:
                OnProposal(proposal);
                break;
            case BlockPartMessage part:
                OnBlockPart(message.From, part, Owned(message.Payload), now);
                break;
            case DuplicateVoteEvidence evidence:
                OnEvidence(evidence);
                break;
            case StatusMessage status:
                OnStatus(message.From, status);
                break;
            case BlockRequestMessage request:
                if (_chain.ReadBlock(request.Height) is { } stored)
                {
                    _network.Send(message.From, WireType.BlockResponse, Canonical.ToBytes(new BlockResponseMessage(stored.Block, stored.Commit)));
                }

                break;
            case DisclosureMessage disclosure:
                OnDisclosure(disclosure);
                break;
            case BlockResponseMessage response:
                lock (_gate)
                {
                    _catchUp.Answered();
                }

                _loop.PostCatchUp(response.Block, response.Commit, message.From);
                break;
        }
    }

    private void Receive(Transaction tx, Hash256 from)
    {
        // A transaction the full queue dropped stays askable for when someone announces it.
        if (_relayed.Writer.TryWrite((tx, from)))
        {
            _transactions.Received(tx.Hash);
        }
    }

    /// <summary>
    /// Keeps a peer's disclosure that opens its commitment (and passes it on, through the desk's
    /// <see cref="PersonalDataDesk.Kept"/>). One that does not open it is provably bad: the peer is
    /// disconnected. One for a field this node has not seen committed yet, or that was withdrawn,
    /// is dropped: the node serves that field as "not available" until <see cref="DisclosureSync"/>
    /// asks a peer for it again (a withdrawn one it never asks for).
    /// </summary>
    private void OnDisclosure(DisclosureMessage message)
    {
        if (_personalData is null)
        {
            return;
        }

        switch (_personalData.Check(message.Commitment, message.Disclosure))
        {
            case DisclosureRefusal.Mismatch or DisclosureRefusal.WrongField:
                throw new InvalidPeerDataException("sent a disclosure that does not open its commitment");
            case null:
                _personalData.Keep(message.Commitment, message.Disclosure);
                break;
        }
    }

    /// <summary>
    /// Pools evidence that checks out against the set deciding the next height. Evidence about a
    /// validator that no longer decides (it left, possibly by the equivocation rule on earlier
    /// evidence that this peer had not seen recorded yet) is dropped without blaming the peer.
    /// </summary>
    private void OnEvidence(DuplicateVoteEvidence evidence)
    {
        var validators = _chain.ValidatorsFor(_chain.Height + 1).Validators;
        if (validators.Find(evidence.First.Validator) is null)
        {
            return;
        }

        if (evidence.Verify(_chain.ChainId, validators) is { } problem)
        {
            throw new InvalidPeerDataException("sent invalid evidence: " + problem);
        }

        _chain.AddEvidence(evidence);
    }

    private void OnProposal(ProposalMessage message)
    {
        var p = message.Proposal;
        var height = _chain.Height + 1;
        if (p.Height < height || p.Height > height + 1)
        {
            return;
        }

        lock (_gate)
        {
            var key = (p.Height, p.Round, p.Proposer.Id);
            if (_assemblies.ContainsKey(key))
            {
                return;
            }

            if (_assemblies.Count >= MaxAssemblies)
            {
                var stale = _assemblies.Where(a => a.Key.Height < height).Select(a => a.Key).ToList();
                foreach (var k in stale)
                {
                    _assemblies.Remove(k);
                }

                if (_assemblies.Count >= MaxAssemblies)
                {
                    return;
                }
            }

            _assemblies.Add(key, new Assembly(message));
        }
    }

    // The transport gives each frame its own array (InboundMessage.Payload): kept as it is.
    private static byte[] Owned(ReadOnlyMemory<byte> payload) =>
        MemoryMarshal.TryGetArray(payload, out var segment) && segment.Offset == 0 && segment.Count == segment.Array!.Length
            ? segment.Array
            : payload.ToArray();

    private void OnBlockPart(Hash256 from, BlockPartMessage part, byte[] payload, ulong now)
    {
        Assembly? assembly = null;
        lock (_gate)
        {
            foreach (var (key, candidate) in _assemblies)
            {
                if (key.Height == part.Height && key.Round == part.Round && candidate.Message.Proposal.BlockId == part.BlockId)
                {
                    assembly = candidate;
                    break;
                }
            }
        }

        if (assembly is null)
        {
            return; // Parts before their proposal, or for a proposal we dropped: re-gossip brings them again.
        }

        var block = assembly.Add(part, payload);
        if (block is null)
        {
            return;
        }

        if (block.Id != assembly.Message.Proposal.BlockId)
        {
            throw new InvalidPeerDataException($"block parts from {from.ToShortString()} do not hash to the proposed block");
        }

        var proposal = assembly.Message.Proposal;
        if (!_loop!.Post(new ProposalReceived(proposal, block, now)))
        {
            return;
        }

        // Forwarded only whole and checked: a part alone proves nothing, and a bad one passed on
        // would get this node disconnected by its peers. The encoding is canonical, so the parts
        // as they came are the ones the proposer sent, and every node forwards the same bytes and
        // recognises them when they come back.
        if (proposal.VerifySignature(_chain.ChainId) && Relay(WireType.Proposal, Canonical.ToBytes(assembly.Message), proposal.Height, proposal.Proposer))
        {
            foreach (var encoded in assembly.Payloads)
            {
                Forward(WireType.BlockPart, encoded, proposal.Height);
            }
        }
    }

    private void OnStatus(Hash256 peer, StatusMessage status)
    {
        var next = _chain.Height + 1;
        lock (_gate)
        {
            if (!_catchUp.ShouldAsk(peer, status.Height, next, DateTime.UtcNow))
            {
                return;
            }
        }

        _network.Send(peer, WireType.BlockRequest, Canonical.ToBytes(new BlockRequestMessage(next)));
    }

    /// <summary>Collects the parts of one proposed block, and the messages that carried them.</summary>
    private sealed class Assembly(ProposalMessage message)
    {
        private readonly byte[]?[] _parts = new byte[message.PartCount][];
        private readonly byte[]?[] _payloads = new byte[message.PartCount][];
        private int _received;
        private bool _done;

        public ProposalMessage Message { get; } = message;

        /// <summary>The encoded part messages in part order, once <see cref="Add"/> has returned the block.</summary>
        public IEnumerable<byte[]> Payloads => _payloads.Select(static p => p!);

        /// <summary>The block when <paramref name="part"/> (encoded as <paramref name="payload"/>) was the last one missing, otherwise null.</summary>
        public Block? Add(BlockPartMessage part, byte[] payload)
        {
            lock (_parts)
            {
                var expected = part.Index == Message.PartCount - 1 ? Message.BlockBytes - (part.Index * ProposalMessage.PartSize) : ProposalMessage.PartSize;
                if (_done || part.Index >= Message.PartCount || part.Bytes.Length != expected)
                {
                    if (!_done && part.Index < Message.PartCount)
                    {
                        throw new InvalidPeerDataException($"block part {part.Index} has {part.Bytes.Length} bytes, expected {expected}");
                    }

                    return null;
                }

                if (_parts[part.Index] is not null)
                {
                    return null;
                }

                _parts[part.Index] = part.Bytes;
                _payloads[part.Index] = payload;
                if (++_received < Message.PartCount)
                {
                    return null;
                }

                _done = true;
                var bytes = new byte[Message.BlockBytes];
                for (var i = 0; i < _parts.Length; i++)
                {
                    _parts[i]!.CopyTo(bytes, i * ProposalMessage.PartSize);
                }

                return Block.DecodeOwned(bytes);
            }
        }
    }

    private sealed class InvalidPeerDataException(string message) : Exception(message);
}
