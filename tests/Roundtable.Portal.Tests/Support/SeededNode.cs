using System.Net;
using Roundtable.Application.Governance.Proposals;
using Roundtable.Application.Governance.Tallying;
using Roundtable.Application.Sessions.Building;
using Roundtable.Core.Hashing;
using Roundtable.Ledger.DataPractices;
using Roundtable.Ledger.Messages;
using Roundtable.Ledger.Messages.DataPractices;
using Roundtable.Dns;
using Roundtable.Ledger.Messages.Governance;
using Roundtable.Ledger.Messages.Names;
using Roundtable.Ledger.Messages.Notary;
using Roundtable.Ledger.Messages.Sessions;
using Roundtable.Ledger.Names;
using Roundtable.Ledger.Notary;
using Roundtable.Node.Hosting;
using Roundtable.Node.PersonalData;
using Roundtable.Node.Tests.Support;
using Roundtable.Tests.Support;

namespace Roundtable.Portal.Tests.Support;

/// <summary>
/// One real node, started once for the portal tests and given something to show: members (one of
/// them hostile), a decided best-practice proposal with a comment, a session with a closed poll, an
/// anchored document, a co-governed zone with two names (one offered to another member). Hostile
/// text goes everywhere a person can type.
/// </summary>
public sealed partial class SeededNode : IAsyncLifetime
{
    public const string Script = "<script>alert(1)</script>";
    public const string EncodedScript = "&lt;script&gt;alert(1)&lt;/script&gt;";
    public const string RawHtmlInDocument = "<b id=\"raw-html\">bold by HTML</b>";

    private readonly List<Member> _members = [];

    public TestNode Node { get; private set; } = null!;

    public HttpClient Http => Node.Http;

    public Hash256 ProposalId { get; private set; }

    public Hash256 DocumentHash { get; private set; }

    public Hash256 SessionId { get; private set; }

    public Hash256 AnchorDigest { get; } = Hash256.Compute("The minutes of the Roundtable workshop"u8);

    /// <summary>The co-governed zone of the genesis.</summary>
    public const string Zone = "forum.internal.";

    /// <summary>Alice's name: an address, a web alias and a text record.</summary>
    public const string AliceName = "alice." + Zone;

    /// <summary>The hostile member's name, whose text record is a script, offered to Alice.</summary>
    public const string HostileName = "mallory." + Zone;

    public string HostileMemberId { get; private set; } = "";

    /// <summary>A committed transaction (the hostile member's registration) for the transaction page.</summary>
    public string RegistrationHash { get; private set; } = "";

    public async Task InitializeAsync()
    {
        // The node also speaks a right-to-left language, added as an operator would: a file in config/languages.
        var root = Path.Combine(Path.GetTempPath(), "roundtable-node-test-" + Path.GetRandomFileName());
        RightToLeftLanguage.WriteInto(Path.Combine(root, "config", "languages"));
        Node = await TestNode.StartAsync(governancePeriodSeconds: 1, root: root, zones: [StarterZone.Document(Zone, 1, "127.0.0.1", requireVerified: false)], dns: true);
        var alice = await RegisterAsync("Alice", "civil-society", "africa");
        var bo = await RegisterAsync("Bo", "government", "western-europe-others");
        var hostile = NewMember();
        HostileMemberId = hostile.Id;
        RegistrationHash = await SendAsync(hostile, new RegisterMember(Script, "private-sector", "asia-pacific", [new ProfileField("organisation", FreshDisclosure.Of("organisation", Script).Commitment)]));

        var submit = GovernanceMessages.BestPractice(
            "Best practice for " + Script,
            "# Keeping minutes\n\nMinutes are **published** within a week.\n\n" + RawHtmlInDocument + "\n\n" + Script + "\n",
            ["Open minutes", "Summary only " + Script]);
        DocumentHash = submit.Document.Hash;
        ProposalId = Ledger.Messages.Governance.ProposalId.For(Hash256.Parse(alice.Id), alice.Sequence);
        await SendAsync(alice, submit);
        await SendAsync(bo, new SponsorProposal(ProposalId));
        await SendAsync(hostile, new CommentOnProposal(ProposalId, "I object " + Script));
        await TestNode.Until(async () => await ProposalStatusAsync() == "voting", "voting to open");
        // Together, not one commit after another: the voting period is one second of block time,
        // and three round trips on a loaded machine can outlast it.
        await SendTogetherAsync([.. new[] { alice, bo, hostile }.Select(voter => (voter, (TxMessage)GovernanceMessages.Vote(ProposalId, DocumentHash, RankedBallot.FromOrder(2, 0, 1))))]);

        await TestNode.Until(async () => await ProposalStatusAsync() is "passed" or "executed", "the count");

        var now = (ulong)DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        SessionId = CreateSession.IdFor(alice.Key.PublicKey.Id, alice.Sequence);
        await SendAsync(alice, new SessionBuilder("Blockchain in Internet governance " + Script)
            .Scheduled(now, now + 86_400_000).AllowOnline()
            .Speaker("Amina " + Script, "civil-society", "africa")
            .PolicyQuestion("Which practice should we recommend? " + Script)
            .Build());
        await SendAsync(alice, SessionMessages.RoomCode(SessionId, "LEDGER-7"));
        await SendAsync(bo, SessionMessages.OnSite(SessionId, "LEDGER-7"));
        await SendAsync(hostile, SessionMessages.Online(SessionId));
        await SendAsync(alice, SessionMessages.Poll(SessionId, "Which custody? " + Script, PollMethod.Ranked, "Hardware keys", "Guardians " + Script));
        await SendAsync(alice, new OpenPoll(SessionId, 0));
        await SendAsync(bo, SessionMessages.Rank(SessionId, 0, 2, 1, 0));
        await SendAsync(hostile, SessionMessages.Rank(SessionId, 0, 2, 0, 1));
        await SendAsync(alice, new ClosePoll(SessionId, 0));

        await SendAsync(bo, new AnchorDocument(AnchorDigest, new AnchorMetadata("Workshop minutes " + Script, "text/plain", 42, null, ["minutes"]), []));
        await SendAsync(hostile, new CosignAnchor(AnchorDigest));
        await SeedAssessmentAsync(alice, bo, hostile);

        await SendAsync(alice, new RegisterName(Zone, "alice", [Record("", RecordType.A, "192.0.2.1"), Record("www", RecordType.CNAME, AliceName), Record("", RecordType.TXT, "\"hello\"")]));
        await SendAsync(hostile, new RegisterName(Zone, "mallory", [Record("", RecordType.TXT, "\"" + Script + "\"")]));
        await SendAsync(hostile, new TransferName(Zone, "mallory", Hash256.Parse(alice.Id)));

        await SendAsync(alice, new PublishPracticeStatement(Directory));
        PracticeId = new PracticeDocument(Hash256.Parse(alice.Id), null, Directory).Digest;
        await SendAsync(hostile, new CommentOnPracticeStatement(PracticeId, "Where exactly? " + Script));
        await SendAsync(alice, new RevisePracticeStatement(PracticeId, Directory with { StoredIn = ["africa"] }, "The data now stays in Africa."));
        await SendAsync(bo, new PublishPracticeStatement(Directory with { Title = "Newsletter", LegalBasis = "consent", DataCategories = ["contact-details"], StoredIn = ["africa"], ProcessedIn = ["eastern-europe"], Transfers = [] }));

        DisputeId = Ledger.Messages.Disputes.DisputeId.For(Hash256.Parse(hostile.Id), hostile.Sequence);
        var filed = await SendAsync(hostile, new Ledger.Messages.Disputes.FileDispute(
            Ledger.Messages.Disputes.DisputeSubject.OfName(Zone, "alice"), "This name is mine " + Script, []));

        // The draw runs two blocks after the filing; the pages show its outcome, not a moment before it.
        var height = (ulong)(await Node.WaitForCommitAsync(filed))["height"]!;
        await Node.WaitForHeightAsync(height + 2);
    }

    /// <summary>The dispute the hostile member filed about Alice's name (no arbitrators volunteer, so no panel sits).</summary>
    public Hash256 DisputeId { get; private set; }

    /// <summary>Alice's member directory, as first published (then revised to store data in Africa).</summary>
    public static PracticeStatement Directory => PracticeExamples.Directory;

    /// <summary>The id of Alice's statement (its first version's digest).</summary>
    public Hash256 PracticeId { get; private set; }

    /// <summary>Every page, by a name tests can use as theory data.</summary>
    public string PathOf(string page) => page switch
    {
        "home" => "/",
        "blocks" => "/blocks",
        "block" => "/blocks/1",
        "transaction" => "/txs/" + RegistrationHash,
        "power" => "/power",
        "proposals" => "/proposals",
        "proposal" => $"/proposals/{ProposalId}",
        "sessions" => "/sessions",
        "session" => $"/sessions/{SessionId}",
        "session-report" => $"/sessions/{SessionId}/report",
        "anchors" => "/anchors",
        "anchor" => $"/anchors/{AnchorDigest}",
        "verify" => "/verify",
        "join" => "/join",
        "members" => "/members",
        "member" => $"/members/{HostileMemberId}",
        "room" => $"/sessions/{SessionId}/room?code=LEDGER-7",
        "names" => "/names",
        "name" => "/names/" + AliceName,
        "disputes" => "/disputes",
        "dispute" => $"/disputes/{DisputeId}",
        "practices" => "/practices",
        "practice" => $"/practices/{PracticeId}",
        "assessment" => $"/proposals/{AssessmentId}",
        _ => throw new ArgumentOutOfRangeException(nameof(page), page, "No such page."),
    };

    /// <summary>A client of its own: no cookies kept (so the language is what each request says), no automatic decompression.</summary>
    public HttpClient NewClient() =>
        new(new HttpClientHandler { UseCookies = false, AutomaticDecompression = DecompressionMethods.None, AllowAutoRedirect = false })
        {
            BaseAddress = new Uri(Node.Config.ApiUrl),
        };

    /// <summary>GET <paramref name="path"/>, failing the test on anything but 200; returns the HTML.</summary>
    public async Task<string> PageAsync(string path)
    {
        using var response = await Http.GetAsync(path);
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path} answered {(int)response.StatusCode}: {html}");
        return html;
    }

    public async Task DisposeAsync()
    {
        foreach (var member in _members)
        {
            member.Dispose();
        }

        await Node.DisposeAsync();
    }

    private Task<string?> ProposalStatusAsync() => ProposalStatusAsync(ProposalId);

    private async Task<string?> ProposalStatusAsync(Hash256 proposal)
    {
        var json = await Http.GetStringAsync($"/api/v1/proposals/{proposal}");
        return System.Text.Json.Nodes.JsonNode.Parse(json)!["status"]?.GetValue<string>();
    }

    private static NameRecord Record(string owner, RecordType type, string data) =>
        new(owner, (DnsRecordType)(ushort)type, 600, RecordText.ToWire(type, data, Zone));

    private Member NewMember()
    {
        var member = new Member(Node);
        _members.Add(member);
        return member;
    }

    private async Task<Member> RegisterAsync(string name, string group, string region)
    {
        var member = NewMember();
        await SendAsync(member, new RegisterMember(name, group, region, []));
        return member;
    }

    private async Task<string> SendAsync(Member member, TxMessage message) => (await SendTogetherAsync([(member, message)]))[0];

    /// <summary>Submits one transaction from each sender, then waits until all of them are committed and succeeded.</summary>
    private async Task<string[]> SendTogetherAsync(IReadOnlyList<(Member Member, TxMessage Message)> sends)
    {
        var txs = sends.Select(s => s.Member.Sign(s.Message)).ToArray();
        foreach (var tx in txs)
        {
            using var response = await Member.PostBytesAsync(Http, tx.Encoded.ToArray());
            Assert.True(response.StatusCode == HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
        }

        foreach (var (tx, (member, _)) in txs.Zip(sends))
        {
            var committed = await Node.WaitForCommitAsync(tx.Hash.ToString());
            Assert.True((bool)committed["result"]!["ok"]!, committed.ToJsonString());
            member.Sequence++;
        }

        return [.. txs.Select(t => t.Hash.ToString())];
    }
}

[CollectionDefinition(Name)]
public sealed class SeededNodeCollection : ICollectionFixture<SeededNode>
{
    public const string Name = "seeded node";
}
