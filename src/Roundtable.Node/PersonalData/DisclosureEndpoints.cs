using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Roundtable.Core.Hashing;
using Roundtable.Ledger.PersonalData;
using Roundtable.Node.Api;
using Roundtable.Node.Json;
using Roundtable.Node.Runtime;

namespace Roundtable.Node.PersonalData;

/// <summary>
/// POST /api/v1/disclosures (values beside the chain) and GET /api/v1/personal-fields/{commitment}
/// (docs/personal-data.md).
/// </summary>
internal static class DisclosureEndpoints
{
    public static void Map(IEndpointRouteBuilder api, ChainState chain, PersonalDataDesk? desk, int maxBodyBytes)
    {
        api.MapGet("/personal-fields/{commitment}", (string commitment) =>
        {
            if (!Hash256.TryParse(commitment, out var c))
            {
                return ApiProblem.InvalidId("personal-field");
            }

            var found = chain.Query(app => app.GetPersonalField(c) is { } record ? PersonalDataViews.Record(record, app.ViewPersonalField(c, chain.Disclosed)) : null);
            return found is null ? ApiProblem.Unknown("personal-field", commitment) : Results.Json(found);
        }).WithName("GetPersonalField").WithSummary("A personal field: its commitment, owner, and its value only while available.");

        if (desk is not null)
        {
            MapDisclosures(api, desk, maxBodyBytes);
        }
    }

    private static void MapDisclosures(IEndpointRouteBuilder api, PersonalDataDesk desk, int maxBodyBytes)
    {
        api.MapPost("/disclosures", async (HttpRequest request, CancellationToken cancel) =>
        {
            var body = await RequestBody.ReadAsync(request, maxBodyBytes, cancel).ConfigureAwait(false);
            if (body is null)
            {
                return ApiProblem.Create(StatusCodes.Status413PayloadTooLarge, "body-too-large", $"A request body is at most {maxBodyBytes} bytes.");
            }

            IReadOnlyList<(Hash256 Commitment, Disclosure Disclosure)> disclosures;
            try
            {
                disclosures = DisclosureJson.Read(body);
            }
            catch (JsonFormException e)
            {
                return ApiProblem.Create(StatusCodes.Status400BadRequest, "invalid-disclosure", e.Message);
            }

            // All or nothing: one refusal and none is kept.
            foreach (var (commitment, disclosure) in disclosures)
            {
                if (desk.Check(commitment, disclosure) is { } refusal)
                {
                    return Refused(refusal, commitment, disclosure.Field);
                }
            }

            var kept = disclosures.Count(d => desk.Keep(d.Commitment, d.Disclosure) != KeepOutcome.Withdrawn);
            return Results.Json(new JsonObject { ["kept"] = kept, ["withdrawnMeanwhile"] = disclosures.Count - kept });
        }).WithName("PostDisclosures").WithSummary("Personal values with their salts, beside the committed transactions that carry their commitments; each is checked against its commitment.");
    }

    private static IResult Refused(DisclosureRefusal refusal, Hash256 commitment, string field)
    {
        var c = commitment.ToShortString();
        return refusal switch
        {
            DisclosureRefusal.Mismatch => ApiProblem.Create(StatusCodes.Status400BadRequest, "disclosure-mismatch",
                $"The value and salt given for field '{field}' do not open commitment {c}; nothing was stored."),
            DisclosureRefusal.WrongField => ApiProblem.Create(StatusCodes.Status400BadRequest, "disclosure-mismatch",
                $"Commitment {c} is on record for another field than '{field}'; nothing was stored."),
            DisclosureRefusal.UnknownField => ApiProblem.Create(StatusCodes.Status404NotFound, "unknown-personal-field",
                $"No committed transaction carries commitment {c} yet; send the disclosure once it is committed. Nothing was stored."),
            _ => ApiProblem.Create(StatusCodes.Status410Gone, "withdrawn-by-owner",
                $"Field {c} was withdrawn by its owner; nothing was stored."),
        };
    }
}
