using Roundtable.Application.Execution;
using Roundtable.Application.Tests.Support;
using Roundtable.Core.Crypto;
using Roundtable.Ledger.Messages.Names;
using Roundtable.Ledger.Names;

namespace Roundtable.Application.Tests.Names;

/// <summary>Names kept by their holders under a zone's policy: each refusal says why and changes nothing but the sequence.</summary>
public sealed class NamesTests
{
    private const string Zone = "forum.internal.";
    private const ulong Period = 100_000;
    private const ulong Grace = 50_000;

    private static readonly PrivateKey Alice = TestChain.Founder("civil-society", 0);
    private static readonly PrivateKey Bob = TestChain.Founder("technical", 0);
    private static readonly PrivateKey Trader = TestChain.Founder("private-sector", 0);

    public static ZonePolicy Policy(bool wildcards = false) => new(
        Zone, "hostmaster.forum.internal.", [new ZoneNameServer("ns1.forum.internal.", [127, 0, 0, 1])],
        ["civil-society", "technical", "government"], RequireVerified: true, MinLabelLength: 3, ["admin", "www"],
        Period, Grace, MaxRecordsPerName: 8,
        [DnsRecordType.A, DnsRecordType.AAAA, DnsRecordType.CNAME, DnsRecordType.MX, DnsRecordType.TXT, DnsRecordType.NS, DnsRecordType.DS, DnsRecordType.SRV],
        wildcards, Ttl: 300, Secondaries: [], TransferKey: "", SigningKeys: []);

    private static NameRecord A(string owner, byte last) => new(owner, DnsRecordType.A, 300, [192, 0, 2, last]);

    private static TestChain Chain(bool wildcards = false) => new(zones: [Policy(wildcards)]);

    [Fact]
    public void A_member_of_an_allowed_group_registers_a_free_name_and_holds_it_for_one_period()
    {
        var chain = Chain();

        chain.RunOk(chain.Tx(Alice, new RegisterName(Zone, "alice", [A("", 1), A("www", 2)])));

        var name = chain.App.GetName(Zone, "alice")!;
        Assert.Equal(Alice.PublicKey.Id, name.Holder);
        Assert.Equal(chain.App.LastBlockTimeMs + Period, name.ExpiresAtMs);
        Assert.Equal("alice.forum.internal.", name.FullName);
        Assert.Equal(2, name.Records.Count);
    }

    [Theory]
    [InlineData("private-sector", "", TxCode.Unauthorized, "takes registrations from members of")]
    [InlineData("civil-society", "ab", TxCode.InvalidArgument, "at least 3 characters")]
    [InlineData("civil-society", "admin", TxCode.Unauthorized, "is reserved")]
    [InlineData("civil-society", "ns1", TxCode.Unauthorized, "is reserved")]
    [InlineData("civil-society", "Alice", TxCode.InvalidArgument, "lower-case")]
    [InlineData("civil-society", "-alice", TxCode.InvalidArgument, "lower-case")]
    public void A_registration_the_policy_forbids_is_refused_with_its_reason(string group, string label, TxCode code, string reason)
    {
        var chain = Chain();
        var key = group == "private-sector" ? Trader : Alice;

        var result = chain.RefuseConsumingSequence(chain.Tx(key, new RegisterName(Zone, label.Length == 0 ? "shop" : label, [A("", 1)])), code);

        Assert.Contains(reason, result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unverified_member_cannot_register_where_the_zone_requires_verification()
    {
        var chain = Chain();
        var newcomer = chain.Register("newcomer", "civil-society", "africa");

        var result = chain.RefuseConsumingSequence(chain.Tx(newcomer, new RegisterName(Zone, "newcomer", [A("", 1)])), TxCode.Unauthorized);

        Assert.Contains("verified members only", result.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(BadRecordSets))]
    public void Records_that_break_the_rules_are_refused_with_their_reason(NameRecord[] records, string reason)
    {
        var chain = Chain();

        var result = chain.RefuseConsumingSequence(chain.Tx(Alice, new RegisterName(Zone, "alice", records)), TxCode.InvalidArgument);

        Assert.Contains(reason, result.Reason, StringComparison.Ordinal);
    }

    public static TheoryData<NameRecord[], string> BadRecordSets() => new()
    {
        { [new("", DnsRecordType.A, 300, [1, 2, 3])], "holds 4 bytes" },
        { [new("", DnsRecordType.CAA, 300, [0, 5, .. "issue"u8, .. "ca.example"u8])], "not allowed in forum.internal." },
        { [new("", DnsRecordType.CNAME, 300, RecordData.EncodeName("elsewhere.example.")), A("", 1)], "stands alone" },
        { [new("", DnsRecordType.CNAME, 300, [3, (byte)'b', (byte)'A', (byte)'d', 0])], "lower-case" },
        { [new("", DnsRecordType.MX, 300, [0, 10, 0xC0, 0x0C])], "compressed" },
        { [A("*", 1)], "wildcards are not allowed" },
        { [A("bad_name", 1)], "lower-case" },
        { [new("", DnsRecordType.A, 0, [192, 0, 2, 1])], "A TTL is 1 to" },
        { [A("", 1), A("", 1)], "given twice" },
        { [new("www", DnsRecordType.NS, 300, RecordData.EncodeName("ns.example."))], "delegate the registered name itself" },
        { [new("", DnsRecordType.DS, 300, [0, 1, 13, 2, .. new byte[32]])], "goes with the NS records" },
        { [new("", DnsRecordType.NS, 300, RecordData.EncodeName("ns1.alice.forum.internal.")), A("", 1)], "publishes only NS and DS" },
        { [.. Enumerable.Range(1, 9).Select(i => A("", (byte)i))], "at most 8 records" },
    };

    [Fact]
    public void A_delegation_with_glue_and_ds_and_a_wildcard_where_allowed_are_accepted()
    {
        var chain = Chain(wildcards: true);

        chain.RunOk(chain.Tx(Alice, new RegisterName(Zone, "alice", [
            new("", DnsRecordType.NS, 300, RecordData.EncodeName("ns1.alice.forum.internal.")),
            new("", DnsRecordType.DS, 300, [0x30, 0x39, 13, 2, .. new byte[32]]),
            A("ns1", 53)])));
        chain.RunOk(chain.Tx(Bob, new RegisterName(Zone, "bob", [A("*", 7), A("", 8)])));

        Assert.Equal(3, chain.App.GetName(Zone, "alice")!.Records.Count);
        Assert.Equal("*", chain.App.GetName(Zone, "bob")!.Records[0].Owner);
    }

    [Fact]
    public void A_held_name_is_refused_to_others_until_its_grace_ends_then_anyone_allowed_may_take_it()
    {
        var chain = Chain();
        chain.RunOk(chain.Tx(Alice, new RegisterName(Zone, "shared", [A("", 1)])));
        var expires = chain.App.GetName(Zone, "shared")!.ExpiresAtMs;

        var taken = chain.RefuseConsumingSequence(chain.Tx(Bob, new RegisterName(Zone, "shared", [A("", 2)])), TxCode.AlreadyExists);
        Assert.Contains("expiry plus grace", taken.Reason, StringComparison.Ordinal);

        var duringGrace = chain.ExecuteAt(expires + (Grace / 2), chain.Tx(Bob, new RegisterName(Zone, "shared", [A("", 2)])));
        Assert.Equal(TxCode.AlreadyExists, duringGrace.Results[0].Code);

        var afterGrace = chain.ExecuteAt(expires + Grace, chain.Tx(Bob, new RegisterName(Zone, "shared", [A("", 2)])));
        Assert.Equal(TxCode.Ok, afterGrace.Results[0].Code);
        Assert.Equal(Bob.PublicKey.Id, chain.App.GetName(Zone, "shared")!.Holder);
    }

    [Fact]
    public void Only_the_holder_updates_and_an_expired_name_must_be_renewed_first()
    {
        var chain = Chain();
        chain.RunOk(chain.Tx(Alice, new RegisterName(Zone, "alice", [A("", 1)])));

        chain.RefuseConsumingSequence(chain.Tx(Bob, new UpdateName(Zone, "alice", [A("", 66)])), TxCode.Unauthorized);
        chain.RunOk(chain.Tx(Alice, new UpdateName(Zone, "alice", [A("", 2)])));
        Assert.Equal(2, chain.App.GetName(Zone, "alice")!.Records[0].Data[3]);

        var expires = chain.App.GetName(Zone, "alice")!.ExpiresAtMs;
        Assert.Equal(TxCode.Unauthorized, chain.ExecuteAt(expires, chain.Tx(Alice, new UpdateName(Zone, "alice", [A("", 3)]))).Results[0].Code);
        Assert.Equal(TxCode.Ok, chain.ExecuteAt(expires + 1_000, chain.Tx(Alice, new RenewName(Zone, "alice"))).Results[0].Code);
        Assert.Equal(expires + 1_000 + Period, chain.App.GetName(Zone, "alice")!.ExpiresAtMs);
    }

    [Fact]
    public void Renewing_early_adds_a_period_to_the_current_expiry()
    {
        var chain = Chain();
        chain.RunOk(chain.Tx(Alice, new RegisterName(Zone, "alice", [A("", 1)])));
        var expires = chain.App.GetName(Zone, "alice")!.ExpiresAtMs;

        chain.RunOk(chain.Tx(Alice, new RenewName(Zone, "alice")));

        Assert.Equal(expires + Period, chain.App.GetName(Zone, "alice")!.ExpiresAtMs);
    }

    [Fact]
    public void The_zone_version_moves_to_each_height_that_changes_what_the_zone_serves_and_only_then()
    {
        var chain = Chain();
        Assert.Equal(0UL, chain.App.GetZoneVersion(Zone).ChangedAtHeight);

        chain.RunOk(chain.Tx(Alice, new RegisterName(Zone, "alice", [A("", 1)])));
        var registered = chain.App.Height;
        Assert.Equal(registered, chain.App.GetZoneVersion(Zone).ChangedAtHeight);

        chain.RunOk(chain.Tx(Alice, new RenewName(Zone, "alice")));
        chain.RunOk(chain.Tx(Alice, new TransferName(Zone, "alice", Bob.PublicKey.Id)));
        chain.RunOk(chain.Tx(Bob, new AcceptName(Zone, "alice")));
        Assert.Equal(registered, chain.App.GetZoneVersion(Zone).ChangedAtHeight);

        chain.RunOk(chain.Tx(Bob, new UpdateName(Zone, "alice", [A("", 2)])));
        Assert.Equal(chain.App.Height, chain.App.GetZoneVersion(Zone).ChangedAtHeight);
    }

    [Fact]
    public void An_expiry_moves_the_zone_version_in_the_first_block_at_or_after_it_and_a_renewal_from_grace_moves_it_again()
    {
        var chain = Chain();
        chain.RunOk(chain.Tx(Alice, new RegisterName(Zone, "alice", [A("", 1)])));
        var expires = chain.App.GetName(Zone, "alice")!.ExpiresAtMs;
        var registered = chain.App.Height;

        chain.ExecuteAt(expires - 1);
        Assert.Equal(registered, chain.App.GetZoneVersion(Zone).ChangedAtHeight);

        chain.ExecuteAt(expires + 10);
        var expiredAt = chain.App.Height;
        Assert.Equal(expiredAt, chain.App.GetZoneVersion(Zone).ChangedAtHeight);

        chain.ExecuteAt(expires + 20);
        Assert.Equal(expiredAt, chain.App.GetZoneVersion(Zone).ChangedAtHeight);

        chain.ExecuteAt(expires + 30, chain.Tx(Alice, new RenewName(Zone, "alice")));
        Assert.Equal(chain.App.Height, chain.App.GetZoneVersion(Zone).ChangedAtHeight);
        var renewedExpiry = chain.App.GetName(Zone, "alice")!.ExpiresAtMs;

        chain.ExecuteAt(renewedExpiry);
        Assert.Equal(chain.App.Height, chain.App.GetZoneVersion(Zone).ChangedAtHeight);
    }

    [Fact]
    public void An_early_renewal_replaces_the_pending_expiry_so_the_old_time_changes_nothing()
    {
        var chain = Chain();
        chain.RunOk(chain.Tx(Alice, new RegisterName(Zone, "alice", [A("", 1)])));
        var firstExpiry = chain.App.GetName(Zone, "alice")!.ExpiresAtMs;
        chain.RunOk(chain.Tx(Alice, new RenewName(Zone, "alice")));
        var renewed = chain.App.GetZoneVersion(Zone).ChangedAtHeight;

        chain.ExecuteAt(firstExpiry + 10);

        Assert.Equal(renewed, chain.App.GetZoneVersion(Zone).ChangedAtHeight);
        Assert.True(chain.App.GetName(Zone, "alice")!.IsLiveAt(firstExpiry + 10));
    }

    [Fact]
    public void A_transfer_takes_effect_only_when_the_recipient_accepts_and_then_the_old_holder_has_no_say()
    {
        var chain = Chain();
        chain.RunOk(chain.Tx(Alice, new RegisterName(Zone, "alice", [A("", 1)])));

        chain.RefuseConsumingSequence(chain.Tx(Bob, new AcceptName(Zone, "alice")), TxCode.NotFound);
        chain.RunOk(chain.Tx(Alice, new TransferName(Zone, "alice", Bob.PublicKey.Id)));
        Assert.Equal(Alice.PublicKey.Id, chain.App.GetName(Zone, "alice")!.Holder);
        chain.RunOk(chain.Tx(Bob, new AcceptName(Zone, "alice")));

        var name = chain.App.GetName(Zone, "alice")!;
        Assert.Equal((Bob.PublicKey.Id, (Roundtable.Core.Hashing.Hash256?)null), (name.Holder, name.OfferedTo));
        chain.RefuseConsumingSequence(chain.Tx(Alice, new UpdateName(Zone, "alice", [A("", 9)])), TxCode.Unauthorized);
    }

    [Fact]
    public void A_name_in_a_zone_that_does_not_exist_is_refused()
    {
        var chain = Chain();

        var result = chain.RefuseConsumingSequence(chain.Tx(Alice, new RegisterName("other.internal.", "alice", [A("", 1)])), TxCode.NotFound);

        Assert.Contains("There is no zone other.internal.", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_genesis_zone_with_a_bad_policy_stops_the_chain_from_starting()
    {
        var error = Assert.Throws<ArgumentException>(() => new TestChain(zones: [Policy() with { NameServers = [new ZoneNameServer("ns1.forum.internal.", [])] }]));

        Assert.Contains("needs its address (glue)", error.Message, StringComparison.Ordinal);
    }
}
