using Roundtable.Ledger.Messages;
using Roundtable.Ledger.Messages.PersonalData;
using Roundtable.Ledger.PersonalData;
using Roundtable.Node.PersonalData;
using Roundtable.Node.Tests.Support;

namespace Roundtable.Node.Tests.PersonalData;

/// <summary>
/// What a node asks its peers for (the standing fields it lacks, a stretch at a time) and what it
/// answers with (the values it holds of standing fields), against a real node's committed state.
/// </summary>
public sealed class PersonalDataDeskTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "rt-desk-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    [Fact]
    public async Task Missing_walks_standing_fields_not_held_in_commitment_order_and_serve_answers_only_held_standing_ones()
    {
        await using var node = await TestNode.StartAsync();
        using var ada = new Member(node);
        Disclosure[] fields = [.. new[] { "city", "country", "language", "organisation" }.Select(f => FreshDisclosure.Of(f, "value of " + f))];
        await ada.SendAsync(new RegisterMember("Ada", "technical", "africa", [.. fields.Select(f => new ProfileField(f.Field, f.Commitment))]));
        var byCommitment = fields.OrderBy(f => f.Commitment).ToArray();
        var (held, withdrawn, heldThenWithdrawn, lacking) = (byCommitment[0], byCommitment[1], byCommitment[2], byCommitment[3]);
        var store = new PersonalDataStore(_directory);
        store.Keep(held, () => true);
        store.Keep(heldThenWithdrawn, () => true);
        await ada.SendAsync(new WithdrawPersonalField(withdrawn.Commitment));
        await ada.SendAsync(new WithdrawPersonalField(heldThenWithdrawn.Commitment));
        var desk = new PersonalDataDesk(node.Chain, store);

        var all = desk.Missing(null, limit: 10, scanLimit: 100);
        Assert.Equal([lacking.Commitment], all.Commitments);
        Assert.Null(all.ResumeAfter);

        // A stretch of one field: the first is held, so nothing is missing in it, and the next walk starts after it.
        var first = desk.Missing(null, limit: 1, scanLimit: 1);
        Assert.Empty(first.Commitments);
        Assert.Equal(held.Commitment, first.ResumeAfter);
        var rest = desk.Missing(first.ResumeAfter, limit: 1, scanLimit: 100);
        Assert.Equal([lacking.Commitment], rest.Commitments);
        Assert.Equal(lacking.Commitment, rest.ResumeAfter);
        var end = desk.Missing(rest.ResumeAfter, limit: 1, scanLimit: 100);
        Assert.Empty(end.Commitments);
        Assert.Null(end.ResumeAfter);

        var unknown = FreshDisclosure.Of("city", "never registered").Commitment;
        var served = desk.Serve([lacking.Commitment, heldThenWithdrawn.Commitment, held.Commitment, unknown, held.Commitment]);
        Assert.Equal([held], served);
    }

    [Fact]
    public async Task A_chain_without_fields_misses_nothing_and_bad_limits_are_refused()
    {
        await using var node = await TestNode.StartAsync();
        var desk = new PersonalDataDesk(node.Chain, new PersonalDataStore(_directory));

        Assert.Throws<ArgumentOutOfRangeException>(() => desk.Missing(null, limit: 0, scanLimit: 10));
        Assert.Throws<ArgumentOutOfRangeException>(() => desk.Missing(null, limit: 10, scanLimit: 9));
        var none = desk.Missing(null, limit: 1, scanLimit: 1);
        Assert.Empty(none.Commitments);
        Assert.Null(none.ResumeAfter);
    }
}
