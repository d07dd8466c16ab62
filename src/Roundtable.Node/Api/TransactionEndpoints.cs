using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Roundtable.Application.Execution;
using Roundtable.Core.Encoding;
using Roundtable.Core.Hashing;
using Roundtable.Ledger.Transactions;
using Roundtable.Node.Chain;
using Roundtable.Node.Json;
using Roundtable.Node.Runtime;

namespace Roundtable.Node.Api;

/// <summary>Submitting transactions and asking what became of them.</summary>
internal static class TransactionEndpoints
{
    public static void Map(IEndpointRouteBuilder api, ChainState chain, int maxBodyBytes)
    {
        api.MapPost("/txs", async (HttpRequest request, CancellationToken ct) =>
        {
            var body = await RequestBody.ReadAsync(request, maxBodyBytes, ct).ConfigureAwait(false);
            if (body is null)
            {
                return ApiProblem.Create(StatusCodes.Status413PayloadTooLarge, "body-too-large", $"The body exceeds {maxBodyBytes} bytes.");
            }

            Transaction tx;
            try
            {
                tx = Parse(request.ContentType, body);
            }
            catch (JsonException e)
            {
                return ApiProblem.Create(StatusCodes.Status400BadRequest, "malformed-json", "The body is not valid JSON: " + e.Message);
            }
            catch (JsonFormException e)
            {
                return ApiProblem.Create(StatusCodes.Status400BadRequest, "invalid-field", e.Message);
            }
            catch (DecodeException e)
            {
                return ApiProblem.Create(StatusCodes.Status400BadRequest, "malformed-transaction", $"The transaction encoding was refused ({e.Error}): {e.Message}");
            }
            catch (UnsupportedContentTypeException e)
            {
                return ApiProblem.Create(StatusCodes.Status415UnsupportedMediaType, "unsupported-content-type", e.Message);
            }

            var admission = chain.Submit(tx);
            if (!admission.Result.IsOk)
            {
                var status = admission.Result.Code is TxCode.Duplicate ? StatusCodes.Status409Conflict
                    : admission.Result.Code is TxCode.Oversize ? StatusCodes.Status503ServiceUnavailable
                    : StatusCodes.Status422UnprocessableEntity;
                return ApiProblem.Create(status, ApiViews.TxCodeName(admission.Result.Code), admission.Result.Reason);
            }

            // The body Results.Json would write for {hash, status}, without a serializer per submission.
            return Results.Text("{\"hash\":\"" + tx.Hash.ToString() + "\",\"status\":\"pending\"}", "application/json; charset=utf-8", statusCode: StatusCodes.Status202Accepted);
        }).WithName("SubmitTransaction").WithSummary("Submit a signed transaction (application/octet-stream canonical bytes, or JSON).");

        TransactionBatchEndpoint.Map(api, chain, maxBodyBytes);

        api.MapPost("/txs/signing-payload", async (HttpRequest request, CancellationToken ct) =>
        {
            // For signers outside the node (browsers, hardware tokens): the exact bytes to sign for an unsigned JSON transaction.
            var body = await RequestBody.ReadAsync(request, maxBodyBytes, ct).ConfigureAwait(false);
            if (body is null)
            {
                return ApiProblem.Create(StatusCodes.Status413PayloadTooLarge, "body-too-large", $"The body exceeds {maxBodyBytes} bytes.");
            }

            try
            {
                using var doc = JsonDocument.Parse(body);
                var json = doc.RootElement;
                var message = MessageJson.FromJson(JsonFields.Required(json, "message"));
                var chainId = JsonFields.String(json, "chainId");
                if (!Ledger.ChainId.IsValid(chainId))
                {
                    throw new JsonFormException($"'{chainId}' is not a valid chain id.");
                }

                var payload = Transaction.SigningPayload(chainId, JsonFields.Key(json, "sender"), JsonFields.UInt64(json, "sequence"), JsonFields.UInt64(json, "expiryHeight"), message);
                return Results.Json(new JsonObject { ["signingPayload"] = Convert.ToHexStringLower(payload) });
            }
            catch (JsonException e)
            {
                return ApiProblem.Create(StatusCodes.Status400BadRequest, "malformed-json", "The body is not valid JSON: " + e.Message);
            }
            catch (JsonFormException e)
            {
                return ApiProblem.Create(StatusCodes.Status400BadRequest, "invalid-field", e.Message);
            }
        }).WithName("SigningPayload").WithSummary("The canonical bytes a sender signs for an unsigned transaction.");

        api.MapGet("/txs/{hash}", (string hash) =>
        {
            if (!Hash256.TryParse(hash, out var id))
            {
                return ApiProblem.Create(StatusCodes.Status400BadRequest, "invalid-hash", "A transaction hash is 64 hex characters.");
            }

            var lookup = chain.Lookup(id);
            if (lookup.Status == TxStatus.Unknown)
            {
                return ApiProblem.Create(StatusCodes.Status404NotFound, "unknown-transaction", $"Transaction {hash} is not pending, committed or recently rejected on this node.");
            }

            var json = new JsonObject { ["hash"] = id.ToString(), ["status"] = lookup.Status.ToString().ToLowerInvariant() };
            if (lookup.Status == TxStatus.Committed)
            {
                json["height"] = lookup.Height;
                json["index"] = lookup.Index;
                json["transaction"] = TransactionJson.ToJson(lookup.Transaction!);
            }

            if (lookup.Result is not null)
            {
                json["result"] = ApiViews.Result(lookup.Result);
            }

            return Results.Json(json);
        }).WithName("GetTransaction").WithSummary("Pending, committed at a height (with its result), or rejected with the reason.");
    }

    private static Transaction Parse(string? contentType, byte[] body)
    {
        switch (RequestBody.MediaType(contentType))
        {
            case "application/octet-stream":
                return Transaction.Decode(body);
            case "application/json" or "":
                using (var doc = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = 16 }))
                {
                    return TransactionJson.FromJson(doc.RootElement);
                }

            default:
                throw new UnsupportedContentTypeException($"Send application/octet-stream (canonical bytes) or application/json, not '{contentType}'.");
        }
    }

    private sealed class UnsupportedContentTypeException(string message) : Exception(message);
}
