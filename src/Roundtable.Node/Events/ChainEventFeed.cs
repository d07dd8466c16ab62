using System.Threading.Channels;
using Roundtable.Node.Chain;
using Roundtable.Node.Runtime;

namespace Roundtable.Node.Events;

/// <summary>
/// Fans committed blocks out to the open event streams. Each subscriber has a bounded queue: a
/// client too slow to keep up loses its oldest events rather than slowing the node, and learns it
/// through a <c>resync</c> event. The number of subscribers is bounded too.
/// </summary>
public sealed class ChainEventFeed : IDisposable
{
    /// <summary>Most open streams per node.</summary>
    public const int MaxSubscribers = 256;

    /// <summary>Events a subscriber may have waiting.</summary>
    public const int QueueCapacity = 1024;

    private readonly ChainState _chain;
    private readonly Lock _gate = new();
    private readonly List<Subscription> _subscribers = [];

    /// <summary>Starts following <paramref name="chain"/>'s commits.</summary>
    public ChainEventFeed(ChainState chain)
    {
        _chain = chain;
        _chain.BlockCommitted += Publish;
    }

    /// <summary>A new subscription, or null when <see cref="MaxSubscribers"/> streams are open.</summary>
    public Subscription? Subscribe()
    {
        lock (_gate)
        {
            if (_subscribers.Count >= MaxSubscribers)
            {
                return null;
            }

            var subscription = new Subscription(this);
            _subscribers.Add(subscription);
            return subscription;
        }
    }

    /// <inheritdoc />
    public void Dispose() => _chain.BlockCommitted -= Publish;

    private void Publish(StoredBlock stored)
    {
        // Runs on the commit path: with nobody listening (the usual case for a validator), a
        // block of thousands of transactions is not turned into events for no one (about 1% of
        // the machine under the fresh-key load, docs/benchmarks.md).
        lock (_gate)
        {
            if (_subscribers.Count == 0)
            {
                return;
            }
        }

        var events = BlockEvents.Of(stored);
        lock (_gate)
        {
            foreach (var subscriber in _subscribers)
            {
                subscriber.Offer(events);
            }
        }
    }

    private void Remove(Subscription subscription)
    {
        lock (_gate)
        {
            _subscribers.Remove(subscription);
        }
    }

    /// <summary>One open stream's queue of events.</summary>
    public sealed class Subscription : IDisposable
    {
        private readonly ChainEventFeed _feed;
        private readonly Channel<ChainEvent> _queue = Channel.CreateBounded<ChainEvent>(new BoundedChannelOptions(QueueCapacity)
        {
            FullMode = BoundedChannelFullMode.DropOldest,
            SingleReader = true,
        });

        private int _dropped;

        internal Subscription(ChainEventFeed feed)
        {
            _feed = feed;
        }

        /// <summary>The events, as they are committed.</summary>
        public ChannelReader<ChainEvent> Events => _queue.Reader;

        /// <summary>How many events were dropped since the last call (and resets the count).</summary>
        public int TakeDropped() => Interlocked.Exchange(ref _dropped, 0);

        /// <inheritdoc />
        public void Dispose() => _feed.Remove(this);

        internal void Offer(IReadOnlyList<ChainEvent> events)
        {
            foreach (var e in events)
            {
                if (_queue.Reader.Count >= QueueCapacity)
                {
                    Interlocked.Increment(ref _dropped);
                }

                _queue.Writer.TryWrite(e);
            }
        }
    }
}
