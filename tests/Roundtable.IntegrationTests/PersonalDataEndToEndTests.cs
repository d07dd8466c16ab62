using System.Text;
using Roundtable.Application.Sessions.Building;
using Roundtable.Core.Crypto;
using Roundtable.IntegrationTests.Support;
using Roundtable.Ledger.Messages;
using Roundtable.Ledger.Messages.PersonalData;
using Roundtable.Ledger.Messages.Sessions;
using Roundtable.Ledger.PersonalData;
using Roundtable.Node.Devnet;
using Roundtable.Node.Hosting;
using Roundtable.Node.PersonalData;

namespace Roundtable.IntegrationTests;

/// <summary>
/// Personal data on a four-validator devnet, driven through the public API: a member publishes a
/// profile field and declares a gender at a session's check-in; every node comes to hold both values
/// (sent to one node, passed on by gossip) and the session report counts the gender; the member
/// withdraws both, and afterwards no file under any node's home (blocks, WAL, snapshots, stores,
/// keys), no node's log, no API answer, proof bundle, export, portal page or session report holds a
/// value or a salt, while every node still agrees on every block.
/// </summary>
public sealed class PersonalDataEndToEndTests : IDisposable
{
    private const ulong SnapshotInterval = 5;
    private const string Organisation = "Organisation Confidentielle Nº 7f3a-e2e";
    private const string Gender = "genre-déclaré-e2e-51c9";
    private readonly ScratchDirectory _dir = new("roundtable-personal-");

    [Fact]
    public async Task Withdrawn_values_are_gone_from_every_file_log_and_answer_of_every_node_and_the_chain_still_agrees()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        var ct = timeout.Token;
        using var devnet = await RunningDevnet.StartAsync(_dir.Path, ct, configure: home => home.SaveConfig(home.LoadConfig() with { SnapshotInterval = SnapshotInterval }));
        var client = devnet.Client;
        var processes = devnet.Processes;
        var session = await OpenSessionAsync(client, ct);
        using var member = PrivateKey.Generate();
        var organisation = FreshDisclosure.Of("organisation", Organisation);
        var gender = FreshDisclosure.Of(CheckIn.GenderField, Gender);
        var memberId = member.PublicKey.Id.ToString();
        await client.SendAsync(member, new RegisterMember("Private Person", "civil-society", "africa", [new ProfileField("organisation", organisation.Commitment)]), ct);
        var checkedIn = await client.SendAsync(member, new CheckIn(session, AttendanceMode.Online, "", gender.Commitment), ct);
        await NodeWaits.AllAbove([.. processes], [0, 1, 2, 3], checkedIn.Height - 1);

        await client.DiscloseAsync([organisation, gender], ct);
        foreach (var p in processes)
        {
            await NodeWaits.UntilAsync(async () => (string?)(await p.PersonalFieldAsync(organisation.Commitment))["value"] == Organisation && (string?)(await p.PersonalFieldAsync(gender.Commitment))["value"] == Gender, $"the values on {p.Http.BaseAddress}");
        }

        // Before the withdrawal the searches find the values: in each node's erasable store and
        // nowhere else among the files, and in the answers.
        var holding = FilesHolding([Encoding.UTF8.GetBytes(Organisation), Encoding.UTF8.GetBytes(Gender)]);
        Assert.Equal(8, holding.Count);
        Assert.All(holding, path => Assert.Contains($"{Path.DirectorySeparatorChar}personal-data{Path.DirectorySeparatorChar}", path, StringComparison.Ordinal));
        Assert.Contains($"| {Gender} | 1 |", await processes[2].Http.GetStringAsync($"/api/v1/sessions/{session}/report"), StringComparison.Ordinal);
        var answers = await AnswersAsync(processes[1], memberId, session, organisation, gender);
        Assert.Contains(Organisation, answers, StringComparison.Ordinal);
        Assert.Contains(Gender, answers, StringComparison.Ordinal);

        ulong lastWithdrawal = 0;
        foreach (var d in new[] { organisation, gender })
        {
            var outcome = await client.SendAsync(member, new WithdrawPersonalField(d.Commitment), ct);
            Assert.True(outcome.Ok, outcome.Reason);
            lastWithdrawal = outcome.Height;
        }

        foreach (var p in processes)
        {
            foreach (var d in new[] { organisation, gender })
            {
                await NodeWaits.UntilAsync(async () => (string?)(await p.PersonalFieldAsync(d.Commitment))["status"] == "withdrawn by its owner", $"the withdrawal on {p.Http.BaseAddress}");
                Assert.Null((await p.PersonalFieldAsync(d.Commitment))["value"]);
            }
        }

        var traces = new[] { organisation, gender }.SelectMany(d => new[] { Encoding.UTF8.GetBytes(d.Value), d.Salt, Encoding.ASCII.GetBytes(Convert.ToHexStringLower(d.Salt)) }).ToArray();
        await NodeWaits.UntilAsync(() => Task.FromResult(FilesHolding(traces).Count == 0), "the erasure on every node");
        await NodeWaits.AllAbove([.. processes], [0, 1, 2, 3], lastWithdrawal + SnapshotInterval);
        foreach (var p in processes)
        {
            var seen = await AnswersAsync(p, memberId, session, organisation, gender);
            Assert.All(new[] { Organisation, Gender, Convert.ToHexStringLower(organisation.Salt), Convert.ToHexStringLower(gender.Salt) }, t => Assert.DoesNotContain(t, seen, StringComparison.Ordinal));
            Assert.Contains("| withdrawn by its owner | 1 |", seen, StringComparison.Ordinal);
        }

        Assert.All(devnet.Nodes, n => Assert.NotEmpty(Directory.EnumerateFiles(new NodeHome(n.Home).SnapshotsDirectory, "*", SearchOption.AllDirectories)));
        await NodeWaits.AssertSameChainAsync(processes);
        var again = await Assert.ThrowsAsync<LedgerClientException>(() => client.DiscloseAsync([organisation], ct));
        Assert.Contains("withdrawn", again.Message, StringComparison.Ordinal);

        devnet.Dispose();
        Assert.Empty(FilesHolding(traces));
        Assert.All(processes, p => Assert.DoesNotContain(Organisation, p.Output, StringComparison.Ordinal));
        Assert.All(processes, p => Assert.DoesNotContain(Gender, p.Output, StringComparison.Ordinal));
    }

    public void Dispose() => _dir.Dispose();

    private async Task<Core.Hashing.Hash256> OpenSessionAsync(LedgerClient client, CancellationToken ct)
    {
        var organiser = KeyFiles.Read(Path.Combine(_dir.Path, "keys", "founder-technical-1.pem"));
        var now = (ulong)DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var created = await client.SendAsync(organiser, new SessionBuilder("Data in its owners' hands").Scheduled(now - 60_000, now + 3_600_000).AllowOnline().Build(), ct);
        return CreateSession.IdFor(organiser.PublicKey.Id, created.Sequence);
    }

    /// <summary>What a reader gets from the node about this member and session: API views, a proof bundle (JSON and binary), exports and portal pages.</summary>
    private static async Task<string> AnswersAsync(NodeProcess node, string memberId, Core.Hashing.Hash256 session, Disclosure organisation, Disclosure gender)
    {
        var paths = new[]
        {
            $"/api/v1/members/{memberId}", "/api/v1/members", $"/api/v1/sessions/{session}", $"/api/v1/sessions/{session}/report",
            $"/api/v1/personal-fields/{organisation.Commitment}", $"/api/v1/personal-fields/{gender.Commitment}",
            $"/api/v1/proofs/state?key=member/{memberId}&key=personal-field/{organisation.Commitment}&format=json",
            $"/api/v1/proofs/state?key=member/{memberId}&key=personal-field/{gender.Commitment}",
            "/api/v1/practices/export.json", "/api/v1/practices/export.csv",
            $"/members/{memberId}", $"/sessions/{session}", $"/sessions/{session}/report",
        };
        var text = new StringBuilder();
        foreach (var path in paths)
        {
            await NodeWaits.UntilAsync(async () =>
            {
                using var response = await node.Http.GetAsync(path);
                if (!response.IsSuccessStatusCode)
                {
                    return false; // a proof waits for the next header
                }

                var bytes = await response.Content.ReadAsByteArrayAsync();
                text.Append(Encoding.UTF8.GetString(bytes)).Append(Convert.ToHexStringLower(bytes)).Append('\n');
                return true;
            }, path);
        }

        return text.ToString();
    }

    /// <summary>Every file under the devnet directory that contains any of <paramref name="traces"/>.</summary>
    private List<string> FilesHolding(byte[][] traces) =>
        [.. Directory.EnumerateFiles(_dir.Path, "*", SearchOption.AllDirectories).Where(path =>
        {
            byte[] bytes;
            try
            {
                bytes = File.ReadAllBytes(path);
            }
            catch (IOException)
            {
                return false;
            }

            return traces.Any(t => bytes.AsSpan().IndexOf(t) >= 0);
        })];
}
