using Roundtable.Application.Execution;
using Roundtable.Application.Governance.Proposals;
using Roundtable.Application.Tests.Support;
using Roundtable.Application.WorkingGroups;
using Roundtable.Core.Crypto;
using Roundtable.Core.Hashing;
using Roundtable.Ledger.Messages.Governance;
using Roundtable.Ledger.Messages.WorkingGroups;

namespace Roundtable.Application.Tests.WorkingGroups;

public sealed class WorkingGroupTests
{
    private const ulong Day = 86_400_000;

    private static readonly PrivateKey Leader = TestChain.Founder("technical", 0);

    private static Hash256 Create(TestChain chain, PrivateKey leader, ulong sunsetMs, string name = "DNS resilience")
    {
        var sequence = chain.App.DescribeSender(leader.PublicKey).NextSequence;
        chain.RunOk(chain.Tx(leader, new CreateWorkingGroup(name, Charter.Inline("# Charter\n\nStudy resilient naming."), sunsetMs), sequence));
        return CreateWorkingGroup.IdFor(leader.PublicKey.Id, sequence);
    }

    private static Hash256 Propose(TestChain chain)
    {
        var author = TestChain.Founder("civil-society", 1);
        var sequence = chain.App.DescribeSender(author.PublicKey).NextSequence;
        chain.RunOk(chain.Tx(author, GovernanceMessages.Recommendation("Resolver diversity", "# Resolver diversity\n\nRun at least two resolver implementations."), sequence));
        return ProposalId.For(author.PublicKey.Id, sequence);
    }

    [Fact]
    public void A_working_group_lives_through_join_add_deliverable_leave_and_conclude()
    {
        var chain = new TestChain();
        var id = Create(chain, Leader, TestChain.GenesisTimeMs + (30 * Day));
        var joiner = TestChain.Founder("civil-society", 0);
        var added = TestChain.Founder("government", 1);
        var proposal = Propose(chain);

        chain.RunOk(chain.Tx(joiner, new JoinWorkingGroup(id)));
        chain.RunOk(chain.Tx(Leader, new AddWorkingGroupMember(id, added.PublicKey.Id)));
        chain.RunOk(chain.Tx(Leader, new AddDeliverable(id, proposal, "Recommendation on resolver diversity")));
        chain.RunOk(chain.Tx(joiner, new LeaveWorkingGroup(id)));
        var active = chain.App.GetWorkingGroup(id)!;
        chain.RunOk(chain.Tx(Leader, new ConcludeWorkingGroup(id)));

        Assert.Equal(WorkingGroupStatus.Active, active.Status);
        Assert.Equal(new[] { Leader.PublicKey.Id, added.PublicKey.Id }.Order(), active.Members);
        var group = chain.App.GetWorkingGroup(id)!;
        Assert.Equal(WorkingGroupStatus.Concluded, group.Status);
        Assert.Equal(chain.App.Height, group.ClosedHeight);
        Assert.Equal(proposal, Assert.Single(group.Deliverables).Proposal);
        Assert.Equal(Hash256.Compute("# Charter\n\nStudy resilient naming."u8), group.Charter.DocumentHash);
    }

    [Fact]
    public void An_active_group_is_marked_sunset_by_the_first_block_at_its_sunset_date()
    {
        var chain = new TestChain();
        var sunset = TestChain.GenesisTimeMs + (2 * Day);
        var id = Create(chain, Leader, sunset);

        chain.ExecuteAt(sunset - 1);
        Assert.Equal(WorkingGroupStatus.Active, chain.App.GetWorkingGroup(id)!.Status);
        chain.ExecuteAt(sunset);

        var group = chain.App.GetWorkingGroup(id)!;
        Assert.Equal(WorkingGroupStatus.Sunset, group.Status);
        Assert.Equal(chain.App.Height, group.ClosedHeight);
    }

    [Fact]
    public void Groups_past_their_sunset_in_the_same_block_all_sunset_and_replay_identically()
    {
        var chain = new TestChain();
        var a = Create(chain, Leader, TestChain.GenesisTimeMs + (3 * Day), "A");
        var b = Create(chain, TestChain.Founder("government", 0), TestChain.GenesisTimeMs + Day, "B");
        var c = Create(chain, TestChain.Founder("civil-society", 0), TestChain.GenesisTimeMs + (9 * Day), "C");

        chain.ExecuteAt(TestChain.GenesisTimeMs + (4 * Day));

        Assert.Equal(WorkingGroupStatus.Sunset, chain.App.GetWorkingGroup(a)!.Status);
        Assert.Equal(WorkingGroupStatus.Sunset, chain.App.GetWorkingGroup(b)!.Status);
        Assert.Equal(WorkingGroupStatus.Active, chain.App.GetWorkingGroup(c)!.Status);
        Assert.Equal(chain.App.StateRoot, chain.Replay().StateRoot);
    }

    [Fact]
    public void A_concluded_group_is_not_sunset_later()
    {
        var chain = new TestChain();
        var id = Create(chain, Leader, TestChain.GenesisTimeMs + Day);
        chain.RunOk(chain.Tx(Leader, new ConcludeWorkingGroup(id)));

        chain.ExecuteAt(TestChain.GenesisTimeMs + (2 * Day));

        Assert.Equal(WorkingGroupStatus.Concluded, chain.App.GetWorkingGroup(id)!.Status);
    }

    [Fact]
    public void Joining_a_sunset_group_is_refused()
    {
        var chain = new TestChain();
        var id = Create(chain, Leader, TestChain.GenesisTimeMs + Day);
        chain.ExecuteAt(TestChain.GenesisTimeMs + Day);

        var result = chain.RefuseConsumingSequence(chain.Tx(TestChain.Founder("civil-society", 0), new JoinWorkingGroup(id)), TxCode.InvalidArgument);

        Assert.Contains("sunset", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Only_the_leader_adds_members_and_deliverables_and_concludes()
    {
        var chain = new TestChain();
        var id = Create(chain, Leader, TestChain.GenesisTimeMs + Day);
        var member = TestChain.Founder("civil-society", 0);
        chain.RunOk(chain.Tx(member, new JoinWorkingGroup(id)));

        chain.RefuseConsumingSequence(chain.Tx(member, new AddWorkingGroupMember(id, TestChain.Founder("government", 0).PublicKey.Id)), TxCode.Unauthorized);
        chain.RefuseConsumingSequence(chain.Tx(member, new AddDeliverable(id, Hash256.Compute("p"u8), "Mine")), TxCode.Unauthorized);
        chain.RefuseConsumingSequence(chain.Tx(member, new ConcludeWorkingGroup(id)), TxCode.Unauthorized);
    }

    [Fact]
    public void Bad_working_group_requests_are_refused_with_a_reason()
    {
        var chain = new TestChain();
        var id = Create(chain, Leader, TestChain.GenesisTimeMs + Day);
        var proposal = Propose(chain);
        chain.RunOk(chain.Tx(Leader, new AddDeliverable(id, proposal, "First")));
        chain.RefuseConsumingSequence(chain.Tx(Leader, new AddDeliverable(id, Hash256.Compute("no such proposal"u8), "Missing")), TxCode.NotFound);

        chain.RefuseConsumingSequence(chain.Tx(Leader, new CreateWorkingGroup("Late", Charter.External(proposal), TestChain.GenesisTimeMs)), TxCode.InvalidArgument);
        chain.RefuseConsumingSequence(chain.Tx(Leader, new JoinWorkingGroup(id)), TxCode.AlreadyExists);
        chain.RefuseConsumingSequence(chain.Tx(Leader, new LeaveWorkingGroup(id)), TxCode.InvalidArgument);
        chain.RefuseConsumingSequence(chain.Tx(Leader, new AddDeliverable(id, proposal, "Again")), TxCode.AlreadyExists);
        chain.RefuseConsumingSequence(chain.Tx(Leader, new AddWorkingGroupMember(id, Hash256.Compute("nobody"u8))), TxCode.NotFound);
        chain.RefuseConsumingSequence(chain.Tx(TestChain.Founder("government", 0), new LeaveWorkingGroup(id)), TxCode.NotFound);
        chain.RefuseConsumingSequence(chain.Tx(Leader, new JoinWorkingGroup(Hash256.Compute("none"u8))), TxCode.NotFound);
    }
}
