using System.Net;
using System.Text.Json.Nodes;
using Roundtable.Node.Tests.Support;

namespace Roundtable.Node.Tests;

/// <summary>The Server-Sent Events stream of a real node.</summary>
public sealed class ApiEventTests
{
    [Fact]
    public async Task A_committed_registration_reaches_an_open_stream_as_transaction_and_block_events()
    {
        await using var node = await TestNode.StartAsync();
        await using var stream = await EventStream.OpenAsync(node, "/api/v1/events");
        using var member = new Member(node);
        var tx = member.Sign(Member.Registration("Lin"));
        using (var response = await Member.PostBytesAsync(node.Http, tx.Encoded.ToArray()))
        {
            response.EnsureSuccessStatusCode();
        }

        var transaction = await stream.NextAsync(e => e.Type == "transaction" && (string?)e.Data["hash"] == tx.Hash.ToString());
        var block = await stream.NextAsync(e => e.Type == "block" && (ulong)e.Data["height"]! > (ulong)transaction.Data["height"]!);

        Assert.Equal("register-member", (string?)transaction.Data["type"]);
        Assert.True((bool)transaction.Data["result"]!["ok"]!);
        Assert.Equal(transaction.Id + 1, block.Id);
    }

    [Fact]
    public async Task A_client_that_reconnects_with_its_last_event_id_receives_the_blocks_it_missed_first()
    {
        await using var node = await TestNode.StartAsync();
        await node.WaitForHeightAsync(6);

        await using var stream = await EventStream.OpenAsync(node, "/api/v1/events?types=block", lastEventId: 2);
        var first = await stream.NextAsync(_ => true);
        var second = await stream.NextAsync(_ => true);

        Assert.Equal(("block", 3UL), (first.Type, first.Id));
        Assert.Equal(4UL, second.Id);
    }

    [Fact]
    public async Task A_client_too_far_behind_is_told_to_resync_instead_of_replaying_everything()
    {
        await using var node = await TestNode.StartAsync(blockIntervalMs: 10);
        await node.WaitForHeightAsync(70);

        await using var stream = await EventStream.OpenAsync(node, "/api/v1/events", lastEventId: 1);
        var first = await stream.NextAsync(_ => true);

        Assert.Equal("resync", first.Type);
        Assert.True((ulong)first.Data["missedBlocks"]! > 64);
    }

    /// <summary>An open text/event-stream response, read event by event.</summary>
    private sealed class EventStream : IAsyncDisposable
    {
        private readonly HttpResponseMessage _response;
        private readonly StreamReader _reader;

        private EventStream(HttpResponseMessage response, StreamReader reader)
        {
            _response = response;
            _reader = reader;
        }

        public static async Task<EventStream> OpenAsync(TestNode node, string path, ulong? lastEventId = null)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            if (lastEventId is { } id)
            {
                request.Headers.Add("Last-Event-ID", id.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }

            var response = await node.Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
            return new EventStream(response, new StreamReader(await response.Content.ReadAsStreamAsync()));
        }

        /// <summary>The next event that matches, within 30 seconds.</summary>
        public async Task<(string Type, ulong Id, JsonObject Data)> NextAsync(Func<(string Type, ulong Id, JsonObject Data), bool> match)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            string? type = null;
            ulong id = 0;
            while (await _reader.ReadLineAsync(timeout.Token) is { } line)
            {
                if (line.StartsWith("id: ", StringComparison.Ordinal))
                {
                    id = ulong.Parse(line[4..], System.Globalization.CultureInfo.InvariantCulture);
                }
                else if (line.StartsWith("event: ", StringComparison.Ordinal))
                {
                    type = line[7..];
                }
                else if (line.StartsWith("data: ", StringComparison.Ordinal) && type is not null)
                {
                    var e = (type, id, (JsonObject)JsonNode.Parse(line[6..])!);
                    if (match(e))
                    {
                        return e;
                    }
                }
            }

            throw new EndOfStreamException("The event stream ended.");
        }

        public ValueTask DisposeAsync()
        {
            _reader.Dispose();
            _response.Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
