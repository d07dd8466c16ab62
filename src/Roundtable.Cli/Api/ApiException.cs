using System.Text.Json.Nodes;
using Roundtable.Cli.Infrastructure;

namespace Roundtable.Cli.Api;

/// <summary>The node answered with an error (RFC 9457 problem details); the message is "detail (reason)".</summary>
public sealed class ApiException : CliException
{
    public ApiException(int status, string? title, string? detail, string? reason)
        : base(Describe(status, title, detail, reason), reason)
    {
        Status = status;
        Title = title;
        Detail = detail;
    }

    /// <summary>HTTP status code.</summary>
    public int Status { get; }

    /// <summary>Problem title, when the node sent one.</summary>
    public string? Title { get; }

    /// <summary>Problem detail, when the node sent one.</summary>
    public string? Detail { get; }

    /// <inheritdoc />
    public override JsonObject Details => new() { ["status"] = Status, ["title"] = Title, ["detail"] = Detail };

    private static string Describe(int status, string? title, string? detail, string? reason)
    {
        var text = detail ?? title ?? $"the node answered HTTP {status}";
        return reason is null ? text : $"{text} ({reason})";
    }
}
