using Roundtable.Cli.Infrastructure;
using Roundtable.Node.Devnet;
using Roundtable.Node.Devnet.Demo;

namespace Roundtable.Cli.Devnet;

/// <summary>Plays the devnet demo once the first node answers, narrating each step; a failure is reported, never fatal to the network.</summary>
internal static class DemoRunner
{
    public static async Task RunAsync(CommandContext context, string dir, string apiUrl, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = new Uri(apiUrl), Timeout = TimeSpan.FromSeconds(10) };
        var client = new LedgerClient(http);
        try
        {
            await client.WaitForHeightAboveAsync(1, TimeSpan.FromMinutes(2), cancellationToken, tolerateUnavailable: true).ConfigureAwait(false);
            context.Note("demo: names in the DNS zone forum.internal., a round table, a best-practice poll, a recommendation under consensus and a parameter change under balanced voting (--no-demo skips it)");
            var outcome = await DevnetDemo.RunAsync(Path.Combine(dir, "keys"), client, line => context.Note("demo: " + line), cancellationToken).ConfigureAwait(false);
            context.Note($"demo: done. Try: roundtable query session-report {outcome.Session} · roundtable query proposals · roundtable power · roundtable query zone {DevnetZone.Origin}");
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        catch (Exception e) when (e is LedgerClientException or HttpRequestException or TimeoutException or InvalidOperationException)
        {
            context.Note("demo: stopped: " + e.Message);
        }
    }
}
