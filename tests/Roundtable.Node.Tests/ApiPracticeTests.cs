using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Roundtable.Core.Hashing;
using Roundtable.Ledger.DataPractices;
using Roundtable.Ledger.Messages;
using Roundtable.Ledger.Messages.DataPractices;
using Roundtable.Ledger.Messages.Disputes;
using Roundtable.Node.Api;
using Roundtable.Node.Json;
using Roundtable.Node.Tests.Support;
using Roundtable.Tests.Support;

namespace Roundtable.Node.Tests;

public sealed class ApiPracticeTests
{
    private static readonly PracticeStatement Directory = PracticeExamples.Directory;

    private static readonly PracticeStatement Moved = Directory with { StoredIn = ["africa"], Retention = "=90 days, then deleted" };

    private static async Task<HttpResponseMessage> PostJsonAsync(TestNode node, Member member, TxMessage message) =>
        await node.Http.PostAsJsonAsync("/api/v1/txs", TransactionJson.ToJson(member.Sign(message)));

    private static async Task<(HttpStatusCode Status, JsonObject Body)> GetAsync(TestNode node, string path)
    {
        using var response = await node.Http.GetAsync(path);
        return (response.StatusCode, (await response.Content.ReadFromJsonAsync<JsonObject>())!);
    }

    [Fact]
    public async Task A_statement_its_new_version_a_comment_and_a_dispute_are_served_as_JSON_on_the_map_and_in_the_CSV()
    {
        await using var node = await TestNode.StartAsync();
        using var organisation = new Member(node);
        using var reader = new Member(node);
        await organisation.RegisterAsync("Example Org");
        await reader.RegisterAsync("Olu");
        await organisation.SendAsync(new PublishPracticeStatement(Directory));
        var first = new PracticeDocument(Key(organisation), null, Directory).Digest;
        await reader.SendAsync(new CommentOnPracticeStatement(first, "Which hosting provider, \"exactly\"?"));
        await organisation.SendAsync(new RevisePracticeStatement(first, Moved, "Data now stays in Africa."));
        var second = new PracticeDocument(Key(organisation), first, Moved).Digest;
        var dispute = DisputeId.For(Key(reader), reader.Sequence);
        await reader.SendAsync(new FileDispute(DisputeSubject.OfAnchor(second), "The data is not stored where this statement says.", []));

        var (status, statement) = await GetAsync(node, $"/api/v1/practices/{second}");
        var (_, list) = await GetAsync(node, "/api/v1/practices?region=africa&legalBasis=legitimate-interests&category=contact-details");
        var (_, elsewhere) = await GetAsync(node, "/api/v1/practices?region=asia-pacific");
        var (_, map) = await GetAsync(node, "/api/v1/practices/map");
        var (_, export) = await GetAsync(node, "/api/v1/practices/export.json");
        using var document = await node.Http.GetAsync($"/api/v1/practices/versions/{first}/document");
        using var csvResponse = await node.Http.GetAsync("/api/v1/practices/export.csv");
        var csv = await csvResponse.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal((first.ToString(), second.ToString(), "in-force", "Example Org"), ((string?)statement["id"], (string?)statement["current"], (string?)statement["status"], (string?)statement["organisation"]!["name"]));
        Assert.Equal(["in-force", "superseded"], statement["versionHistory"]!.AsArray().Select(v => (string?)v!["status"]));
        Assert.Equal("Data now stays in Africa.", (string?)statement["versionHistory"]![1]!["reasonReplaced"]);
        Assert.Equal("anchor/" + second, (string?)statement["versionHistory"]![0]!["anchorStateKey"]);
        Assert.Equal("Which hosting provider, \"exactly\"?", (string?)statement["commentList"]![0]!["text"]);
        var disputed = Assert.Single(statement["disputes"]!.AsArray())!;
        Assert.Equal((dispute.ToString(), second.ToString()), ((string?)disputed["dispute"], (string?)disputed["version"]));
        Assert.Equal(first.ToString(), (string?)Assert.Single(list["statements"]!.AsArray())!["id"]);
        Assert.Empty(elsewhere["statements"]!.AsArray());
        Assert.Equal(
            [("africa", 1, 1), ("asia-pacific", 0, 0), ("eastern-europe", 0, 0), ("latin-america-caribbean", 0, 0), ("western-europe-others", 0, 1)],
            map["regions"]!.AsArray().Select(r => ((string?)r!["id"], (int)r["storing"]!, (int)r["processing"]!)));
        Assert.Equal(2, export["statements"]![0]!["versionHistory"]!.AsArray().Count);
        Assert.Equal(first, Hash256.Compute(await document.Content.ReadAsByteArrayAsync()));

        Assert.StartsWith("text/csv", csvResponse.Content.Headers.ContentType!.ToString(), StringComparison.Ordinal);
        var rows = CsvRows.Parse(csv);
        Assert.Equal(PracticeViews.CsvColumns, rows[0]);
        Assert.Equal(3, rows.Count);
        string Cell(string[] row, string column) => row[rows[0].ToList().IndexOf(column)];
        Assert.Equal([second.ToString(), first.ToString()], rows.Skip(1).Select(r => Cell(r, "version")));
        Assert.Equal(["in-force", "superseded"], rows.Skip(1).Select(r => Cell(r, "status")));
        Assert.Equal(["2", "1"], rows.Skip(1).Select(r => Cell(r, "version_number")));
        Assert.Equal(["0", "1"], rows.Skip(1).Select(r => Cell(r, "comments")));
        Assert.Equal(["1", "0"], rows.Skip(1).Select(r => Cell(r, "disputes")));
        Assert.Equal("'=90 days, then deleted", Cell(rows[1], "retention"));
        Assert.Equal("contact-details;organisation", Cell(rows[1], "data_categories"));
        Assert.Equal("asia-pacific:contractual-clauses:Hosting provider", Cell(rows[1], "transfers"));
        Assert.Equal(("africa", "africa;western-europe-others", "Example Org"), (Cell(rows[1], "stored_in"), Cell(rows[1], "processed_in"), Cell(rows[1], "organisation_name")));
    }

    [Fact]
    public async Task Bad_statements_filters_and_digests_are_refused_with_a_reason()
    {
        await using var node = await TestNode.StartAsync();
        using var organisation = new Member(node);
        using var other = new Member(node);
        await organisation.RegisterAsync("Example Org");
        await other.RegisterAsync("Olu");
        await organisation.SendAsync(new PublishPracticeStatement(Directory));
        var first = new PracticeDocument(Key(organisation), null, Directory).Digest;

        foreach (var (message, sender, expected, reason, words) in new (TxMessage, Member, HttpStatusCode, string, string)[]
        {
            (new PublishPracticeStatement(Directory with { LegalBasis = "because" }), organisation, HttpStatusCode.UnprocessableEntity, "unknown-legal-basis", "not one of: consent"),
            (new PublishPracticeStatement(Directory with { StoredIn = ["mars"] }), organisation, HttpStatusCode.UnprocessableEntity, "unknown-region", "Region 'mars'"),
            (new PublishPracticeStatement(Directory with { Purpose = new string('p', 1001) }), organisation, HttpStatusCode.BadRequest, "malformed-transaction", "purpose length is 1001, the limit is 1000"),
            (new RevisePracticeStatement(first, Directory with { Title = "Mine now" }, "Hijack."), other, HttpStatusCode.UnprocessableEntity, "unauthorized", "Only the member who published"),
        })
        {
            using var response = await PostJsonAsync(node, sender, message);
            var problem = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
            Assert.Equal((expected, reason), (response.StatusCode, (string?)problem["reason"]));
            Assert.Contains(words, (string?)problem["detail"], StringComparison.Ordinal);
        }

        foreach (var (path, expected, reason) in new[]
        {
            ("/api/v1/practices?region=mars", HttpStatusCode.BadRequest, "invalid-filter"),
            ("/api/v1/practices?legalBasis=because", HttpStatusCode.BadRequest, "invalid-filter"),
            ("/api/v1/practices?category=Not%20An%20Id", HttpStatusCode.BadRequest, "invalid-filter"),
            ("/api/v1/practices/not-a-digest", HttpStatusCode.BadRequest, "invalid-digest"),
            ($"/api/v1/practices/{Hash256.Compute("nothing"u8)}", HttpStatusCode.NotFound, "unknown-practice-statement"),
            ($"/api/v1/practices/versions/{Hash256.Compute("nothing"u8)}/document", HttpStatusCode.NotFound, "unknown-practice-statement"),
        })
        {
            var (problemStatus, problem) = await GetAsync(node, path);
            Assert.Equal((expected, reason), (problemStatus, (string?)problem["reason"]));
        }

        var (_, statement) = await GetAsync(node, $"/api/v1/practices/{first}");
        Assert.Equal((first.ToString(), 1), ((string?)statement["current"], (int)statement["versions"]!));
    }

    private static Hash256 Key(Member member) => member.Key.PublicKey.Id;
}
