using Roundtable.Application.Sessions.Building;
using Roundtable.Application.Tests.Support;
using Roundtable.Core.Crypto;
using Roundtable.Core.Hashing;
using Roundtable.Ledger.Messages;
using Roundtable.Ledger.Messages.Sessions;
using Roundtable.Ledger.Transactions;

namespace Roundtable.Application.Tests.Sessions;

/// <summary>A <see cref="TestChain"/> with a session organised by the first government founder, and helpers to fill it.</summary>
internal sealed class SessionChain
{
    public const string RoomCode = "BLUE-42";

    public SessionChain(bool allowOnline = true, Action<SessionBuilder>? configure = null)
    {
        Organiser = TestChain.Founder("government", 0);
        var builder = new SessionBuilder("Test session")
            .Scheduled(TestChain.GenesisTimeMs + 60_000, TestChain.GenesisTimeMs + 3_600_000)
            .AllowOnline(allowOnline);
        configure?.Invoke(builder);
        Id = Create(Organiser, builder.Build());
        Chain.RunOk(Chain.Tx(Organiser, SessionMessages.RoomCode(Id, RoomCode)));
    }

    public TestChain Chain { get; } = new();

    public PrivateKey Organiser { get; }

    public Hash256 Id { get; }

    /// <summary>Creates a session signed by <paramref name="organiser"/> and returns its id.</summary>
    public Hash256 Create(PrivateKey organiser, CreateSession message)
    {
        var sequence = Chain.App.DescribeSender(organiser.PublicKey).NextSequence;
        Chain.RunOk(Chain.Tx(organiser, message, sequence));
        return CreateSession.IdFor(organiser.PublicKey.Id, sequence);
    }

    /// <summary>Registers members in one block (names are key names) and returns their keys.</summary>
    public PrivateKey[] Register(params (string Name, string Group, string Region)[] people)
    {
        var keys = people.Select(p => TestKeys.Get(p.Name)).ToArray();
        RunAllOk([.. people.Select((p, i) => Chain.Tx(keys[i], TestChain.Registration(p.Group, p.Region, p.Name)))]);
        return keys;
    }

    /// <summary>Each key sends its message, all in one block; every one must succeed.</summary>
    public void RunAllOk(params Transaction[] txs)
    {
        var result = Chain.Execute(txs);
        foreach (var r in result.Results)
        {
            Assert.True(r.IsOk, $"Expected Ok, got {r.Code}: {r.Reason}");
        }
    }

    /// <summary>Each key in <paramref name="keys"/> sends the message <paramref name="message"/> makes for it, in one block.</summary>
    public void EachOk(IEnumerable<PrivateKey> keys, Func<PrivateKey, TxMessage> message) =>
        RunAllOk([.. keys.Select(k => Chain.Tx(k, message(k)))]);

    public void RunOk(PrivateKey signer, TxMessage message) => Chain.RunOk(Chain.Tx(signer, message));

    /// <summary>Creates and opens a poll; returns its number.</summary>
    public uint OpenPoll(CreatePoll poll)
    {
        var number = Chain.App.GetSession(Id)!.Session.PollCount;
        RunOk(Organiser, poll);
        RunOk(Organiser, new OpenPoll(Id, number));
        return number;
    }
}
