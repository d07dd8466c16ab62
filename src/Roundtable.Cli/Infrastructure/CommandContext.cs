using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Roundtable.Cli.Infrastructure;

/// <summary>
/// What one running command writes to: a Spectre console for people, or JSON on stdout with
/// <c>--json</c>. Errors always go to stderr as one line.
/// </summary>
internal sealed class CommandContext
{
    private static readonly JsonSerializerOptions JsonOutput = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private IAnsiConsole? _console;

    public CommandContext(CliHost host, bool json)
    {
        Host = host;
        Json = json;
    }

    public CliHost Host { get; }

    /// <summary>True when the user asked for machine-readable output.</summary>
    public bool Json { get; }

    /// <summary>The human console on stdout.</summary>
    public IAnsiConsole Console => _console ??= CreateConsole(Host);

    /// <summary>Writes a JSON document on stdout.</summary>
    public void WriteJson(JsonNode node) => Host.Stdout.WriteLine(node.ToJsonString(JsonOutput));

    /// <summary>Writes a renderable on the human console.</summary>
    public void Write(IRenderable renderable) => Console.Write(renderable);

    /// <summary>Writes one plain line (no markup) on the human console.</summary>
    public void Line(string text = "") => Console.WriteLine(text);

    /// <summary>Writes one line on stdout as it is, never wrapped: for reports whose lines people copy, grep or paste into a message.</summary>
    public void Text(string text) => Host.Stdout.WriteLine(text);

    /// <summary>Writes a progress or hint line on stderr (never mixed into --json output).</summary>
    public void Note(string text) => Host.Stderr.WriteLine(text);

    /// <summary>Reports a failure: one line on stderr; with --json also a JSON error object on stdout.</summary>
    public void Fail(string message, string? reason = null, JsonObject? details = null)
    {
        Host.Stderr.WriteLine("error: " + message);
        if (Json)
        {
            var error = new JsonObject { ["message"] = message, ["reason"] = reason };
            if (details is not null)
            {
                foreach (var (key, value) in details)
                {
                    error[key] = value?.DeepClone();
                }
            }

            WriteJson(new JsonObject { ["error"] = error });
        }
    }

    /// <summary>Runs <paramref name="work"/> under a spinner on a terminal, plainly otherwise.</summary>
    public async Task<T> WithStatusAsync<T>(string message, Func<Task<T>> work)
    {
        if (Json || !Host.IsTerminal)
        {
            return await work().ConfigureAwait(false);
        }

        return await Console.Status().StartAsync(message, _ => work()).ConfigureAwait(false);
    }

    private static IAnsiConsole CreateConsole(CliHost host)
    {
        var terminal = host.IsTerminal;
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = terminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = terminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = terminal ? InteractionSupport.Detect : InteractionSupport.No,
            Out = new AnsiConsoleOutput(host.Stdout),
        });
        if (!terminal)
        {
            // Redirected output has no width; do not wrap ids and hashes at 80 columns.
            console.Profile.Width = 200;
        }

        return console;
    }
}
