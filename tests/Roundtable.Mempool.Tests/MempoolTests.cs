using System.Collections.Concurrent;
using System.Text;
using Roundtable.Application.Execution;
using Roundtable.Core.Crypto;
using Roundtable.Core.Hashing;
using Roundtable.Ledger.Messages;
using Roundtable.Ledger.Transactions;

namespace Roundtable.Mempool.Tests;

public sealed class MempoolTests
{
    internal const string ChainId = "roundtable-test";

    private static readonly ConcurrentDictionary<string, PrivateKey> KeyCache = new(StringComparer.Ordinal);

    internal static PrivateKey Key(string name) =>
        KeyCache.GetOrAdd(name, static n => PrivateKey.FromScalar(Hash256.Compute(Encoding.UTF8.GetBytes("roundtable-mempool-tests/" + n)).ToArray()));

    internal static Transaction Tx(string sender, ulong sequence, TxMessage? message = null) =>
        Transaction.Create(ChainId, Key(sender), sequence, 1_000, message ?? new RevokeKey());

    private static TxResult Accept(Transaction tx, ulong pending) => TxResult.Ok;

    private static TxResult Accept(Transaction tx, ulong pending, bool fromPeer) => TxResult.Ok;

    private static Mempool Pool(int maxTransactions = 1_000, long maxBytes = 1 << 20, int maxPerSender = 100) =>
        new(new MempoolOptions(maxTransactions, maxBytes, maxPerSender));

    private static void AssertAdmitted(MempoolAdmission admission) =>
        Assert.True(admission.Admitted, $"{admission.Result.Code}: {admission.Result.Reason}");

    [Fact]
    public void An_admitted_transaction_is_counted_by_number_bytes_and_sender()
    {
        var pool = Pool();
        var tx = Tx("alice", 0);

        var admission = pool.TryAdd(tx, Accept);

        Assert.True(admission.Admitted);
        Assert.Equal(TxResult.Ok, admission.Result);
        Assert.Equal(1, pool.Count);
        Assert.Equal(tx.Encoded.Length, pool.Bytes);
        Assert.True(pool.Contains(tx.Hash));
        Assert.Equal(1, pool.PendingFrom(tx.Sender));
        Assert.Equal(0, pool.PendingFrom(Key("bob").PublicKey));
    }

    [Fact]
    public void A_waiting_transaction_is_found_by_its_hash_until_a_block_commits_it()
    {
        var pool = Pool();
        var tx = Tx("carol", 0);
        AssertAdmitted(pool.TryAdd(tx, Accept));

        Assert.Same(tx, pool.Find(tx.Hash));
        Assert.Null(pool.Find(Tx("carol", 1).Hash));

        pool.Update([tx.Hash], Accept);
        Assert.Null(pool.Find(tx.Hash));
    }

    [Fact]
    public void A_transaction_already_waiting_is_refused_as_Duplicate_without_running_the_check()
    {
        var pool = Pool();
        var tx = Tx("alice", 0);
        AssertAdmitted(pool.TryAdd(tx, Accept));
        var checks = 0;

        var again = pool.TryAdd(Transaction.Decode(tx.Encoded), (_, _) =>
        {
            checks++;
            return TxResult.Ok;
        });

        Assert.False(again.Admitted);
        Assert.Equal(TxCode.Duplicate, again.Result.Code);
        Assert.Equal(0, checks);
        Assert.Equal(1, pool.Count);
        Assert.Equal(tx.Encoded.Length, pool.Bytes);
        Assert.Equal(1, pool.PendingFrom(tx.Sender));
    }

    [Fact]
    public void A_sender_at_its_limit_is_refused_as_Oversize_while_other_senders_are_still_admitted()
    {
        var pool = Pool(maxPerSender: 2);
        AssertAdmitted(pool.TryAdd(Tx("alice", 0), Accept));
        AssertAdmitted(pool.TryAdd(Tx("alice", 1), Accept));
        var checks = 0;

        var third = pool.TryAdd(Tx("alice", 2), (_, _) =>
        {
            checks++;
            return TxResult.Ok;
        });

        Assert.Equal(TxCode.Oversize, third.Result.Code);
        Assert.Equal(0, checks);
        Assert.Equal(2, pool.PendingFrom(Key("alice").PublicKey));
        AssertAdmitted(pool.TryAdd(Tx("bob", 0), Accept));
        Assert.Equal(3, pool.Count);
    }

    [Fact]
    public void A_full_pool_by_count_refuses_as_Oversize()
    {
        var pool = Pool(maxTransactions: 2);
        AssertAdmitted(pool.TryAdd(Tx("alice", 0), Accept));
        AssertAdmitted(pool.TryAdd(Tx("bob", 0), Accept));

        var refused = pool.TryAdd(Tx("carol", 0), Accept);

        Assert.Equal(TxCode.Oversize, refused.Result.Code);
        Assert.False(string.IsNullOrWhiteSpace(refused.Result.Reason));
        Assert.Equal(2, pool.Count);
        Assert.Equal(0, pool.PendingFrom(Key("carol").PublicKey));
    }

    [Fact]
    public void A_transaction_that_would_take_the_pool_past_its_byte_limit_is_refused_but_one_that_fills_it_exactly_fits()
    {
        var first = Tx("alice", 0);
        var second = Tx("bob", 0);
        var third = Tx("carol", 0);
        var pool = Pool(maxBytes: first.Encoded.Length + second.Encoded.Length);
        AssertAdmitted(pool.TryAdd(first, Accept));

        AssertAdmitted(pool.TryAdd(second, Accept));
        var refused = pool.TryAdd(third, Accept);

        Assert.Equal(TxCode.Oversize, refused.Result.Code);
        Assert.Equal(first.Encoded.Length + second.Encoded.Length, pool.Bytes);
        Assert.False(pool.Contains(third.Hash));
    }

    [Fact]
    public void A_refusal_by_the_check_is_returned_with_its_code_and_reason_and_nothing_is_admitted()
    {
        var pool = Pool();
        var tx = Tx("alice", 0);
        var refusal = new TxResult(TxCode.Unauthorized, "Only members of 'government' can attest this affiliation.");

        var admission = pool.TryAdd(tx, (_, _) => refusal);

        Assert.False(admission.Admitted);
        Assert.Equal(refusal, admission.Result);
        Assert.Equal(0, pool.Count);
        Assert.Equal(0, pool.Bytes);
        Assert.Equal(0, pool.PendingFrom(tx.Sender));
        Assert.False(pool.Contains(tx.Hash));
        // Refused once, it may be submitted again (the check decides afresh).
        AssertAdmitted(pool.TryAdd(tx, Accept));
    }

    [Fact]
    public void The_check_is_told_how_many_transactions_the_sender_already_has_waiting()
    {
        var pool = Pool();
        var seen = new List<(string Sender, ulong Pending)>();
        TxResult Record(Transaction tx, ulong pending)
        {
            seen.Add((tx.Sender.Equals(Key("alice").PublicKey) ? "alice" : "bob", pending));
            return TxResult.Ok;
        }

        pool.TryAdd(Tx("alice", 0), Record);
        pool.TryAdd(Tx("alice", 1), Record);
        pool.TryAdd(Tx("bob", 0), Record);
        pool.TryAdd(Tx("alice", 2), Record);

        Assert.Equal([("alice", 0UL), ("alice", 1UL), ("bob", 0UL), ("alice", 2UL)], seen);
    }

    [Fact]
    public void Reap_returns_the_oldest_transactions_in_arrival_order_without_removing_them()
    {
        var pool = Pool();
        Transaction[] txs = [Tx("bob", 0), Tx("alice", 0), Tx("bob", 1), Tx("carol", 0)];
        foreach (var tx in txs)
        {
            AssertAdmitted(pool.TryAdd(tx, Accept));
        }

        var reaped = pool.Reap(10, long.MaxValue);

        Assert.Equal(txs.Select(t => t.Hash), reaped.Select(t => t.Hash));
        Assert.Equal(4, pool.Count);
        Assert.Equal(txs.Select(t => t.Hash), pool.Reap(10, long.MaxValue).Select(t => t.Hash));
    }

    [Fact]
    public void Reap_stops_at_the_count_bound()
    {
        var pool = Pool();
        Transaction[] txs = [Tx("a", 0), Tx("b", 0), Tx("c", 0)];
        foreach (var tx in txs)
        {
            pool.TryAdd(tx, Accept);
        }

        Assert.Equal(txs.Take(2).Select(t => t.Hash), pool.Reap(2, long.MaxValue).Select(t => t.Hash));
        Assert.Empty(pool.Reap(0, long.MaxValue));
    }

    [Fact]
    public void Reap_stops_at_the_first_transaction_that_does_not_fit_the_byte_bound()
    {
        // A small later transaction is not pulled ahead of a big earlier one: order is kept.
        var pool = Pool();
        var small = Tx("a", 0);
        var big = Tx("b", 0, new RegisterMember(new string('x', 100), "government", "europe", [.. Enumerable.Range(0, 6).Select(i => new ProfileField($"f{i}", Core.Hashing.Hash256.Compute([(byte)i])))]));
        var later = Tx("c", 0);
        foreach (var tx in new[] { small, big, later })
        {
            AssertAdmitted(pool.TryAdd(tx, Accept));
        }

        Assert.True(big.Encoded.Length > small.Encoded.Length + later.Encoded.Length);

        Assert.Equal([small.Hash], pool.Reap(10, small.Encoded.Length + big.Encoded.Length - 1).Select(t => t.Hash));
        Assert.Equal([small.Hash, big.Hash], pool.Reap(10, small.Encoded.Length + big.Encoded.Length).Select(t => t.Hash));
        Assert.Empty(pool.Reap(10, small.Encoded.Length - 1));
    }

    [Fact]
    public void Update_removes_committed_transactions_and_ignores_unknown_hashes()
    {
        var pool = Pool();
        var a0 = Tx("alice", 0);
        var a1 = Tx("alice", 1);
        var b0 = Tx("bob", 0);
        foreach (var tx in new[] { a0, a1, b0 })
        {
            pool.TryAdd(tx, Accept);
        }

        var dropped = pool.Update([a0.Hash, Tx("stranger", 0).Hash], Accept);

        Assert.Empty(dropped);
        Assert.Equal(2, pool.Count);
        Assert.Equal(a1.Encoded.Length + b0.Encoded.Length, pool.Bytes);
        Assert.False(pool.Contains(a0.Hash));
        Assert.Equal(1, pool.PendingFrom(a0.Sender));
        Assert.Equal(1, pool.PendingFrom(b0.Sender));
        Assert.Equal([a1.Hash, b0.Hash], pool.Reap(10, long.MaxValue).Select(t => t.Hash));
    }

    [Fact]
    public void Update_rechecks_the_survivors_in_arrival_order_with_the_pending_count_recounted()
    {
        var pool = Pool();
        var a0 = Tx("alice", 0);
        var a1 = Tx("alice", 1);
        var b0 = Tx("bob", 0);
        var a2 = Tx("alice", 2);
        foreach (var tx in new[] { a0, a1, b0, a2 })
        {
            pool.TryAdd(tx, Accept);
        }

        var rechecks = new List<(Hash256 Hash, ulong Pending)>();
        pool.Update([a0.Hash], (tx, pending, _) =>
        {
            rechecks.Add((tx.Hash, pending));
            return TxResult.Ok;
        });

        Assert.Equal([(a1.Hash, 0UL), (b0.Hash, 0UL), (a2.Hash, 1UL)], rechecks);
    }

    [Fact]
    public void Update_drops_what_no_longer_passes_returns_it_with_its_reason_and_recounts_the_sender()
    {
        // A stand-in for the application: sequences must follow the committed next sequence.
        var committed = new Dictionary<PublicKey, ulong> { [Key("alice").PublicKey] = 0, [Key("bob").PublicKey] = 0 };
        TxResult Sequenced(Transaction tx, ulong pending) =>
            tx.Sequence == committed[tx.Sender] + pending ? TxResult.Ok : new TxResult(TxCode.BadSequence, $"Expected {committed[tx.Sender] + pending}.");

        var pool = Pool();
        var a0 = Tx("alice", 0);
        var a1 = Tx("alice", 1);
        var b0 = Tx("bob", 0);
        var b1 = Tx("bob", 1);
        foreach (var tx in new[] { a0, a1, b0, b1 })
        {
            AssertAdmitted(pool.TryAdd(tx, Sequenced));
        }

        // Another node's block used alice's sequence 0 and 1 with other transactions, and bob's 0 with b0.
        committed[Key("alice").PublicKey] = 2;
        committed[Key("bob").PublicKey] = 1;
        var dropped = pool.Update([b0.Hash], (tx, pending, _) => Sequenced(tx, pending));

        Assert.Equal([a0.Hash, a1.Hash], dropped.Select(d => d.Tx.Hash));
        Assert.All(dropped, d => Assert.Equal(TxCode.BadSequence, d.Reason.Code));
        Assert.Equal(1, pool.Count);
        Assert.Equal(b1.Encoded.Length, pool.Bytes);
        Assert.Equal(0, pool.PendingFrom(a0.Sender));
        Assert.Equal(1, pool.PendingFrom(b0.Sender));
        Assert.False(pool.Contains(a0.Hash));
        Assert.True(pool.Contains(b1.Hash));

        // The recount is what the next admission sees.
        AssertAdmitted(pool.TryAdd(Tx("alice", 2), Sequenced));
        AssertAdmitted(pool.TryAdd(Tx("bob", 2), Sequenced));
    }

    [Fact]
    public void When_an_earlier_transaction_is_dropped_its_successors_are_rechecked_without_it()
    {
        var pool = Pool();
        var a0 = Tx("alice", 0);
        var a1 = Tx("alice", 1);
        var a2 = Tx("alice", 2);
        foreach (var tx in new[] { a0, a1, a2 })
        {
            pool.TryAdd(tx, Accept);
        }

        var pendings = new List<ulong>();
        var dropped = pool.Update([], (tx, pending, _) =>
        {
            pendings.Add(pending);
            return tx.Hash == a1.Hash ? new TxResult(TxCode.Expired, "expired") : TxResult.Ok;
        });

        Assert.Equal([0UL, 1UL, 1UL], pendings);
        Assert.Equal([a1.Hash], dropped.Select(d => d.Tx.Hash));
        Assert.Equal(new TxResult(TxCode.Expired, "expired"), dropped[0].Reason);
        Assert.Equal(2, pool.PendingFrom(a0.Sender));
        Assert.Equal([a0.Hash, a2.Hash], pool.Reap(10, long.MaxValue).Select(t => t.Hash));
    }

    [Fact]
    public void Parallel_admissions_from_distinct_senders_are_all_counted_consistently()
    {
        const int threads = 8;
        const int perSender = 30;
        var txs = Enumerable.Range(0, threads)
            .Select(t => Enumerable.Range(0, perSender).Select(s => Tx($"parallel/{t}", (ulong)s)).ToArray())
            .ToArray();
        var pool = Pool(maxTransactions: 10_000, maxBytes: 1L << 30, maxPerSender: perSender);
        var pendingSeen = new ConcurrentDictionary<PublicKey, ConcurrentQueue<ulong>>();
        var admitted = 0;
        using var start = new Barrier(threads + 1);

        var workers = Enumerable.Range(0, threads).Select(t => new Thread(() =>
        {
            start.SignalAndWait();
            foreach (var tx in txs[t])
            {
                var admission = pool.TryAdd(tx, (x, pending) =>
                {
                    pendingSeen.GetOrAdd(x.Sender, _ => new ConcurrentQueue<ulong>()).Enqueue(pending);
                    return TxResult.Ok;
                });
                if (admission.Admitted)
                {
                    Interlocked.Increment(ref admitted);
                }

                // Readers racing with writers.
                _ = pool.Count;
                _ = pool.Reap(5, 10_000);
            }
        })).ToList();
        workers.ForEach(w => w.Start());
        start.SignalAndWait();
        workers.ForEach(w => w.Join());

        Assert.Equal(threads * perSender, admitted);
        Assert.Equal(threads * perSender, pool.Count);
        Assert.Equal(txs.SelectMany(t => t).Sum(t => (long)t.Encoded.Length), pool.Bytes);
        for (var t = 0; t < threads; t++)
        {
            var sender = Key($"parallel/{t}").PublicKey;
            Assert.Equal(perSender, pool.PendingFrom(sender));
            Assert.Equal(Enumerable.Range(0, perSender).Select(i => (ulong)i), pendingSeen[sender]);
        }

        Assert.Equal(threads * perSender, pool.Reap(int.MaxValue, long.MaxValue).Count);
    }

    [Fact]
    public void The_same_transactions_raced_from_several_threads_are_admitted_exactly_once()
    {
        const int threads = 6;
        var txs = Enumerable.Range(0, 20).Select(i => Tx($"race/{i % 4}", (ulong)(i / 4))).ToArray();
        var pool = Pool();
        var admitted = 0;
        var duplicates = 0;
        using var start = new Barrier(threads);

        var workers = Enumerable.Range(0, threads).Select(_ => new Thread(() =>
        {
            start.SignalAndWait();
            foreach (var tx in txs)
            {
                var admission = pool.TryAdd(tx, Accept);
                if (admission.Admitted)
                {
                    Interlocked.Increment(ref admitted);
                }
                else if (admission.Result.Code == TxCode.Duplicate)
                {
                    Interlocked.Increment(ref duplicates);
                }
            }
        })).ToList();
        workers.ForEach(w => w.Start());
        workers.ForEach(w => w.Join());

        Assert.Equal(txs.Length, admitted);
        Assert.Equal(txs.Length * (threads - 1), duplicates);
        Assert.Equal(txs.Length, pool.Count);
        Assert.Equal(txs.Sum(t => (long)t.Encoded.Length), pool.Bytes);
        Assert.All(Enumerable.Range(0, 4), i => Assert.Equal(5, pool.PendingFrom(Key($"race/{i}").PublicKey)));
    }

    [Fact]
    public void Update_tells_the_recheck_which_transactions_a_peer_relayed()
    {
        var pool = Pool();
        var local = Tx("alice", 0);
        var relayed = Tx("bob", 0);
        AssertAdmitted(pool.TryAdd(local, Accept));
        AssertAdmitted(pool.TryAdd(relayed, Accept, fromPeer: true));

        var origins = new List<(Hash256 Hash, bool FromPeer)>();
        pool.Update([], (tx, _, fromPeer) =>
        {
            origins.Add((tx.Hash, fromPeer));
            return TxResult.Ok;
        });
        pool.Update([], (tx, _, fromPeer) =>
        {
            origins.Add((tx.Hash, fromPeer));
            return TxResult.Ok;
        });

        // Kept through a re-check, not only from admission to the first one.
        Assert.Equal([(local.Hash, false), (relayed.Hash, true), (local.Hash, false), (relayed.Hash, true)], origins);
    }
}
