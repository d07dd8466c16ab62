using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Roundtable.Ledger.Messages;
using Roundtable.Node.Json;
using Roundtable.Node.Tests.Support;

namespace Roundtable.Node.Tests;

/// <summary>Every kind of bad submission gets a 4xx problem document naming the reason and leaves the state root alone.</summary>
public sealed class ApiBadInputTests : IAsyncLifetime
{
    private TestNode _node = null!;
    private Member _ada = null!;

    public async Task InitializeAsync()
    {
        _node = await TestNode.StartAsync();
        _ada = new Member(_node);
        await _ada.RegisterAsync();
    }

    public async Task DisposeAsync()
    {
        _ada.Dispose();
        await _node.DisposeAsync();
    }

    [Fact]
    public Task Malformed_json_is_refused() =>
        AssertRefused(Json("{\"chainId\": "), HttpStatusCode.BadRequest, "malformed-json");

    [Fact]
    public Task Json_missing_a_field_is_refused_naming_the_field() =>
        AssertRefused(Json("{\"chainId\":\"test-chain\"}"), HttpStatusCode.BadRequest, "invalid-field", "sender");

    [Fact]
    public Task Bad_signature_is_refused()
    {
        var tx = _ada.Sign(new SetGuardians([], 0));
        var bytes = tx.Encoded.ToArray();
        bytes[^2] ^= 0x01; // still low-S and well-formed, but no longer the signature of these bytes
        return AssertRefused(Bytes(bytes), HttpStatusCode.UnprocessableEntity, "bad-signature");
    }

    [Fact]
    public Task Forged_transaction_for_another_chain_is_refused_for_its_chain_before_its_signature()
    {
        var bytes = _ada.Sign(new SetGuardians([], 0), chainId: "other-chain").Encoded.ToArray();
        bytes[^2] ^= 0x01;
        return AssertRefused(Bytes(bytes), HttpStatusCode.UnprocessableEntity, "wrong-chain");
    }

    [Fact]
    public Task Replayed_sequence_is_refused() =>
        AssertRefused(Bytes(_ada.Sign(new SetGuardians([], 0), sequence: 0).Encoded.ToArray()), HttpStatusCode.UnprocessableEntity, "bad-sequence");

    [Fact]
    public async Task Resubmitting_a_committed_transaction_is_a_conflict()
    {
        var tx = _ada.Sign(new SetGuardians([], 0));
        using (var first = await Member.PostBytesAsync(_node.Http, tx.Encoded.ToArray()))
        {
            Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        }

        await _node.WaitForCommitAsync(tx.Hash.ToString());
        await AssertRefused(Bytes(tx.Encoded.ToArray()), HttpStatusCode.Conflict, "duplicate");
    }

    [Fact]
    public async Task Expired_transaction_is_refused()
    {
        await _node.WaitForHeightAsync(3);
        await AssertRefused(Bytes(_ada.Sign(new SetGuardians([], 0), expiry: 1).Encoded.ToArray()), HttpStatusCode.UnprocessableEntity, "expired");
    }

    [Fact]
    public Task Transaction_for_another_chain_is_refused() =>
        AssertRefused(Bytes(_ada.Sign(new SetGuardians([], 0), chainId: "other-chain").Encoded.ToArray()), HttpStatusCode.UnprocessableEntity, "wrong-chain");

    [Fact]
    public Task Oversize_body_is_refused() =>
        AssertRefused(Bytes(new byte[_node.Config.MaxRequestBodyBytes + 1]), HttpStatusCode.RequestEntityTooLarge, "body-too-large");

    [Fact]
    public Task Unknown_message_type_in_bytes_is_refused()
    {
        // Rewrite the message tag (the byte after sender, sequence and expiry) to an unassigned type.
        var tx = _ada.Sign(new SetGuardians([], 0));
        var bytes = tx.Encoded.ToArray();
        var tagOffset = 1 + 1 + tx.ChainId.Length + 65 + 1 + 3; // version, chain id, key, sequence (1 byte), expiry 1_000_000 (3 bytes)
        Assert.Equal((byte)MessageType.SetGuardians, bytes[tagOffset]);
        bytes[tagOffset] = 0x7F;
        return AssertRefused(Bytes(bytes), HttpStatusCode.BadRequest, "malformed-transaction", "Unknown message type");
    }

    [Fact]
    public Task Unknown_message_type_in_json_is_refused()
    {
        var json = TransactionJson.ToJson(_ada.Sign(new SetGuardians([], 0)));
        json["message"]!["type"] = "seize-the-chain";
        return AssertRefused(Json(json.ToJsonString()), HttpStatusCode.BadRequest, "invalid-field", "Unknown message type");
    }

    [Fact]
    public Task Truncated_bytes_are_refused() =>
        AssertRefused(Bytes(_ada.Sign(new SetGuardians([], 0)).Encoded[..40].ToArray()), HttpStatusCode.BadRequest, "malformed-transaction", "Truncated");

    [Fact]
    public Task Unsupported_content_type_is_refused() =>
        AssertRefused(new StringContent("hello", Encoding.UTF8, "text/plain"), HttpStatusCode.UnsupportedMediaType, "unsupported-content-type");

    private static ByteArrayContent Bytes(byte[] bytes)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        return content;
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private async Task AssertRefused(HttpContent content, HttpStatusCode expectedStatus, string expectedReason, string? detailContains = null)
    {
        using (content)
        {
            var rootBefore = (string?)(await _node.StatusAsync())["stateRoot"];

            using var response = await _node.Http.PostAsync("/api/v1/txs", content);
            var problem = (await response.Content.ReadFromJsonAsync<JsonObject>())!;

            Assert.Equal(expectedStatus, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.Equal(expectedReason, (string?)problem["reason"]);
            Assert.False(string.IsNullOrWhiteSpace((string?)problem["detail"]));
            if (detailContains is not null)
            {
                Assert.Contains(detailContains, (string?)problem["detail"], StringComparison.Ordinal);
            }

            // Two more blocks pass: nothing the refused request could have queued changes the state.
            var height = await _node.HeightAsync();
            await _node.WaitForHeightAsync(height + 2);
            Assert.Equal(rootBefore, (string?)(await _node.StatusAsync())["stateRoot"]);
        }
    }
}
