using Microsoft.AspNetCore.Http;
using Roundtable.Node.Runtime;

namespace Roundtable.Node.Api;

/// <summary>RFC 9457 problem details with a machine-readable <c>reason</c> code and a human <c>detail</c>.</summary>
public static class ApiProblem
{
    /// <summary>A problem response.</summary>
    public static IResult Create(int status, string reason, string detail, string? title = null) =>
        Results.Problem(
            detail: detail,
            statusCode: status,
            title: title ?? TitleFor(status),
            type: "https://roundtable.invalid/problems/" + reason,
            extensions: new Dictionary<string, object?> { ["reason"] = reason });

    /// <summary>400 <c>invalid-&lt;what&gt;-id</c>: a path id that is not 64 hex characters.</summary>
    public static IResult InvalidId(string what) =>
        Create(StatusCodes.Status400BadRequest, $"invalid-{what}-id", $"A {what.Replace('-', ' ')} id is 64 hex characters.");

    /// <summary>404 <c>unknown-&lt;what&gt;</c>: nothing of that kind has id <paramref name="id"/>.</summary>
    public static IResult Unknown(string what, string id) =>
        Create(StatusCodes.Status404NotFound, $"unknown-{what}", $"No {what.Replace('-', ' ')} {id}.");

    /// <summary>
    /// 404 for a block this node does not serve: <c>block-not-kept</c> below the height a node that
    /// joined by snapshot started keeping blocks at, <c>unknown-block</c> for one not committed yet.
    /// </summary>
    public static IResult MissingBlock(ChainState chain, ulong height)
    {
        var first = chain.FirstKeptHeight;
        return height < first
            ? Create(StatusCodes.Status404NotFound, "block-not-kept", $"Block {height} is not kept on this node: it joined by snapshot at height {first - 1}. Ask a node that keeps the whole chain.")
            : Create(StatusCodes.Status404NotFound, "unknown-block", $"No block at height {height} yet.");
    }

    private static string TitleFor(int status) => status switch
    {
        StatusCodes.Status400BadRequest => "The request is malformed.",
        StatusCodes.Status404NotFound => "Not found.",
        StatusCodes.Status409Conflict => "The request conflicts with the current state.",
        StatusCodes.Status413PayloadTooLarge => "The request body is too large.",
        StatusCodes.Status415UnsupportedMediaType => "Unsupported content type.",
        StatusCodes.Status422UnprocessableEntity => "The transaction was refused.",
        StatusCodes.Status503ServiceUnavailable => "The node cannot take this now.",
        _ => "Request failed.",
    };
}
