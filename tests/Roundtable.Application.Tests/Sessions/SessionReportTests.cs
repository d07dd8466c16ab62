using Roundtable.Application.Governance.Tallying;
using Roundtable.Application.Sessions.Building;
using Roundtable.Application.Tests.Support;
using Roundtable.Ledger.Messages.PersonalData;
using Roundtable.Ledger.Messages.Sessions;

namespace Roundtable.Application.Tests.Sessions;

public sealed class SessionReportTests
{
    /// <summary>
    /// A workshop with speakers from three groups, four participants of whom two declare a gender,
    /// a closed ranked poll, an open yes/no poll and one objection.
    /// </summary>
    private static SessionChain Workshop(HeldValues held)
    {
        var ada = TestChain.Founder("technical", 0);
        var s = new SessionChain(configure: b => b
            .Format("round-table")
            .Speaker("Amina Diallo", "civil-society", "africa")
            .Speaker("Ada", "technical", "africa", ada.PublicKey.Id)
            .Speaker("Li Wei", "private-sector", "asia-pacific")
            .Agenda("Welcome", "How a ledger reaches agreement", "Open discussion")
            .PolicyQuestion("Which practice should the coalition recommend?"));
        var civil = TestChain.Founder("civil-society", 0);
        var priv = TestChain.Founder("private-sector", 0);
        var gov = TestChain.Founder("government", 1);
        s.RunAllOk(
            s.Chain.Tx(ada, SessionMessages.OnSite(s.Id, SessionChain.RoomCode, held.Hold(CheckIn.GenderField, "woman"))),
            s.Chain.Tx(civil, SessionMessages.OnSite(s.Id, SessionChain.RoomCode)),
            s.Chain.Tx(priv, SessionMessages.Online(s.Id, held.Hold(CheckIn.GenderField, "non-binary"))),
            s.Chain.Tx(gov, SessionMessages.Online(s.Id)));
        var poll = s.OpenPoll(SessionMessages.Poll(s.Id, "Best practice for key custody?", PollMethod.Ranked, "Hardware keys", "Guardian recovery", "Custodial service"));
        s.RunAllOk(
            s.Chain.Tx(ada, SessionMessages.Rank(s.Id, poll, 3, 1, 0, 2)),
            s.Chain.Tx(civil, SessionMessages.Rank(s.Id, poll, 3, 1, 0)),
            s.Chain.Tx(priv, SessionMessages.Rank(s.Id, poll, 3, 2, 0, 1)),
            s.Chain.Tx(gov, SessionMessages.Rank(s.Id, poll, 3, 0, 1, 2)));
        s.RunOk(s.Organiser, new ClosePoll(s.Id, poll));
        s.OpenPoll(SessionMessages.YesNoPoll(s.Id, "Meet again next year?"));
        s.RunOk(civil, SessionMessages.Vote(s.Id, 1, VoteChoice.Yes));
        s.RunOk(priv, new RecordDissent(s.Id, DissentKind.Objection, "Poll 1", "Custodial services were | dismissed\nwithout discussion."));
        return s;
    }

    [Fact]
    public void The_report_is_the_expected_Markdown()
    {
        var held = new HeldValues();
        var s = Workshop(held);

        var report = s.Chain.App.GetSessionReport(s.Id, held);

        Assert.Equal(Golden.Replace("{ID}", s.Id.ToString(), StringComparison.Ordinal), report);
    }

    [Fact]
    public void Gender_is_counted_only_for_those_who_declared_it()
    {
        var held = new HeldValues();
        var s = Workshop(held);

        var gender = GenderSection(s.Chain.App.GetSessionReport(s.Id, held)!);
        Assert.Contains("| woman | 1 |", gender, StringComparison.Ordinal);
        Assert.Contains("| non-binary | 1 |", gender, StringComparison.Ordinal);
        Assert.Contains("| not declared | 2 |", gender, StringComparison.Ordinal);
        var dataRows = gender.Split('\n').Count(l => l.StartsWith("| ", StringComparison.Ordinal) && !l.StartsWith("| ---", StringComparison.Ordinal) && !l.StartsWith("| Declared", StringComparison.Ordinal));
        Assert.Equal(3, dataRows);
        Assert.Equal(2, s.Chain.App.GetSession(s.Id)!.Participants.Count(p => p.DeclaredGender is null));
    }

    [Fact]
    public void The_report_is_identical_on_a_replayed_chain()
    {
        var held = new HeldValues();
        var s = Workshop(held);

        var replayed = s.Chain.Replay();

        Assert.Equal(s.Chain.App.GetSessionReport(s.Id, held), replayed.GetSessionReport(s.Id, held));
    }

    [Fact]
    public void A_node_that_never_received_a_declared_gender_counts_it_as_not_available()
    {
        var held = new HeldValues();
        var s = Workshop(held);
        held.Erase(HeldValues.Disclose(CheckIn.GenderField, "woman").Commitment);

        var gender = GenderSection(s.Chain.App.GetSessionReport(s.Id, held)!);

        Assert.DoesNotContain("woman", gender, StringComparison.Ordinal);
        Assert.Contains("| not available | 1 |", gender, StringComparison.Ordinal);
        Assert.Contains("| non-binary | 1 |", gender, StringComparison.Ordinal);
    }

    [Fact]
    public void A_withdrawn_gender_is_counted_only_as_withdrawn_even_where_a_copy_lingers()
    {
        var held = new HeldValues();
        var s = Workshop(held);
        var woman = HeldValues.Disclose(CheckIn.GenderField, "woman").Commitment;

        s.RunOk(TestChain.Founder("technical", 0), new WithdrawPersonalField(woman));
        var gender = GenderSection(s.Chain.App.GetSessionReport(s.Id, held)!);

        Assert.DoesNotContain("woman", gender, StringComparison.Ordinal);
        Assert.Contains("| withdrawn by its owner | 1 |", gender, StringComparison.Ordinal);
        Assert.Contains("| not declared | 2 |", gender, StringComparison.Ordinal);
    }

    private static string GenderSection(string report) =>
        report[report.IndexOf("### By declared gender", StringComparison.Ordinal)..report.IndexOf("## Polls", StringComparison.Ordinal)];

    [Fact]
    public void No_report_for_an_unknown_session()
    {
        Assert.Null(new SessionChain().Chain.App.GetSessionReport(Core.Hashing.Hash256.Compute([7]), new HeldValues()));
    }

    private const string Golden = """
        # Test session

        - Format: round-table
        - Scheduled: 2025-06-15 15:07 UTC to 2025-06-15 16:06 UTC (block time)
        - Check-in: on site with the room code, or online
        - Organisers: Founder 0 of government
        - Session id: `{ID}`
        - Generated from the ledger at height 11

        ## Speakers

        | Speaker | Stakeholder group | Region | Member |
        | --- | --- | --- | --- |
        | Amina Diallo | Group civil-society | Region africa | – |
        | Ada | Group technical | Region africa | `d18b2ad00989` |
        | Li Wei | Group private-sector | Region asia-pacific | – |

        ## Agenda

        1. Welcome
        2. How a ledger reaches agreement
        3. Open discussion

        ## Policy questions

        1. Which practice should the coalition recommend?

        ## Participation

        4 participant(s) checked in: 2 on site, 2 online.

        ### By stakeholder group

        | Stakeholder group | Participants |
        | --- | --- |
        | Group civil-society | 1 |
        | Group government | 1 |
        | Group intergovernmental | 0 |
        | Group private-sector | 1 |
        | Group technical | 1 |

        ### By region

        | Region | Participants |
        | --- | --- |
        | Region africa | 3 |
        | Region asia-pacific | 1 |

        ### By declared gender

        Only participants who chose to declare a gender at check-in are counted by gender, and only while the value is available.

        | Declared gender | Participants |
        | --- | --- |
        | non-binary | 1 |
        | woman | 1 |
        | not declared | 2 |

        ## Polls

        ### Poll 1: Best practice for key custody?

        Method: ranked. Electorate: 4 participant(s) checked in when it opened; 4 voted.

        **Outcome:** Schulze winner: "Hardware keys" (tied with "Guardian recovery"; a tie goes to the option listed first); ranking: Hardware keys \> Guardian recovery \> Custodial service.

        | Choice | Result | Support by stakeholder group |
        | --- | --- | --- |
        | Hardware keys | rank 1 | Group civil-society 0/1; Group government 1/1; Group private-sector 0/1; Group technical 0/1 |
        | Guardian recovery | rank 2 | Group civil-society 1/1; Group government 0/1; Group private-sector 0/1; Group technical 1/1 |
        | Custodial service | rank 3 | Group civil-society 0/1; Group government 0/1; Group private-sector 1/1; Group technical 0/1 |

        | Stakeholder group | Electors | Voted | Its own choice |
        | --- | --- | --- | --- |
        | Group civil-society | 1 | 1 | Guardian recovery |
        | Group government | 1 | 1 | Hardware keys |
        | Group private-sector | 1 | 1 | Custodial service |
        | Group technical | 1 | 1 | Guardian recovery |

        | Region | Electors | Voted | Its own choice |
        | --- | --- | --- | --- |
        | Region africa | 3 | 3 | Guardian recovery |
        | Region asia-pacific | 1 | 1 | Hardware keys |

        ### Poll 2: Meet again next year?

        Method: majority. Still open: results are published when it closes.

        ## Objections and minority views

        ### Positions that did not prevail

        - Poll 1: "Guardian recovery" was backed by Group civil-society 1/1; Group technical 1/1.
        - Poll 1: "Custodial service" was backed by Group private-sector 1/1.
        - Poll 1: Group civil-society on its own would have chosen "Guardian recovery".
        - Poll 1: Group private-sector on its own would have chosen "Custodial service".
        - Poll 1: Group technical on its own would have chosen "Guardian recovery".

        ### Recorded objections and minority views

        - **Objection** by Founder 0 of private-sector (Group private-sector, Region africa) on Poll 1: Custodial services were \| dismissed without discussion.

        """;
}
