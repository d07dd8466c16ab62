using System.Buffers;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Roundtable.Core.Encoding;
using Roundtable.Ledger.Transactions;
using Roundtable.Node.Runtime;

namespace Roundtable.Node.Api;

/// <summary>
/// <c>POST /txs/batch</c>: many signed transactions in one request (<see cref="TransactionBatch"/>),
/// each admitted as if sent alone and in the order given, so a sender's sequence numbers may follow
/// one another inside a batch. A batch that does not decode is refused whole and changes nothing;
/// one that decodes gets one result per transaction, accepted or refused with its reason.
/// </summary>
internal static class TransactionBatchEndpoint
{
    public static void Map(IEndpointRouteBuilder api, ChainState chain, int maxBodyBytes)
    {
        api.MapPost("/txs/batch", async (HttpRequest request, CancellationToken ct) =>
        {
            if (RequestBody.MediaType(request.ContentType) != "application/octet-stream")
            {
                return ApiProblem.Create(StatusCodes.Status415UnsupportedMediaType, "unsupported-content-type", "A batch is sent as application/octet-stream (docs/encoding.md, \"Transaction batches\").");
            }

            var body = await RequestBody.ReadAsync(request, maxBodyBytes, ct).ConfigureAwait(false);
            if (body is null)
            {
                return ApiProblem.Create(StatusCodes.Status413PayloadTooLarge, "body-too-large", $"The body exceeds {maxBodyBytes} bytes.");
            }

            IReadOnlyList<Transaction> batch;
            try
            {
                batch = TransactionBatch.Decode(body);
            }
            catch (DecodeException e)
            {
                return ApiProblem.Create(StatusCodes.Status400BadRequest, "malformed-batch", $"The batch encoding was refused ({e.Error}): {e.Message}");
            }

            var results = new ArrayBufferWriter<byte>(64 + (batch.Count * 96));
            using (var json = new Utf8JsonWriter(results))
            {
                json.WriteStartObject();
                json.WriteStartArray("results");
                foreach (var tx in batch)
                {
                    var admission = chain.Submit(tx);
                    json.WriteStartObject();
                    json.WriteString("hash", tx.Hash.ToString());
                    if (admission.Result.IsOk)
                    {
                        json.WriteString("status", "pending");
                    }
                    else
                    {
                        json.WriteString("status", "refused");
                        json.WriteString("code", ApiViews.TxCodeName(admission.Result.Code));
                        json.WriteString("reason", admission.Result.Reason);
                    }

                    json.WriteEndObject();
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }

            return Results.Bytes(results.WrittenMemory, "application/json; charset=utf-8");
        }).WithName("SubmitTransactionBatch").WithSummary("Submit up to 1,000 signed transactions at once (application/octet-stream); one result each, in order.");
    }
}
