using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Hosting;
using Roundtable.Node.Events;
using Roundtable.Node.Runtime;

namespace Roundtable.Node.Api;

/// <summary>
/// <c>GET /api/v1/events</c>: a Server-Sent Events stream of committed blocks, transaction outcomes
/// and tally changes, so open pages stay current. Each event's id is its block height; a client
/// that reconnects with <c>Last-Event-ID</c> (browsers do it themselves) first receives the blocks
/// it missed, up to <see cref="MaxReplayBlocks"/>, or a <c>resync</c> event when it missed more.
/// </summary>
internal static class EventEndpoints
{
    /// <summary>Most missed blocks replayed on reconnection.</summary>
    public const int MaxReplayBlocks = 64;

    private static readonly TimeSpan KeepAlive = TimeSpan.FromSeconds(15);

    public static void Map(IEndpointRouteBuilder api, ChainState chain, ChainEventFeed feed, IHostApplicationLifetime lifetime)
    {
        api.MapGet("/events", async (HttpContext context, string? types) =>
        {
            var wanted = types is null ? null : new SortedSet<string>(types.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), StringComparer.Ordinal);
            using var subscription = feed.Subscribe();
            if (subscription is null)
            {
                await ApiProblem.Create(StatusCodes.Status503ServiceUnavailable, "too-many-streams", $"This node already serves {ChainEventFeed.MaxSubscribers} event streams; try again later.").ExecuteAsync(context).ConfigureAwait(false);
                return;
            }

            context.Response.ContentType = "text/event-stream";
            context.Response.Headers.CacheControl = "no-cache";
            context.Response.Headers["X-Accel-Buffering"] = "no";
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, lifetime.ApplicationStopping);
            var writer = new EventWriter(context.Response, wanted);
            await context.Response.WriteAsync("retry: 2000\n\n", stop.Token).ConfigureAwait(false);

            // Subscribed first, replayed second: nothing committed in between is lost, and the
            // live events of replayed blocks are skipped.
            var sent = await ReplayAsync(chain, writer, LastEventHeight(context.Request), stop.Token).ConfigureAwait(false);
            try
            {
                while (!stop.IsCancellationRequested)
                {
                    using var wait = CancellationTokenSource.CreateLinkedTokenSource(stop.Token);
                    wait.CancelAfter(KeepAlive);
                    try
                    {
                        await subscription.Events.WaitToReadAsync(wait.Token).ConfigureAwait(false);
                    }
                    catch (OperationCanceledException) when (!stop.IsCancellationRequested)
                    {
                        await context.Response.WriteAsync(": keep-alive\n\n", stop.Token).ConfigureAwait(false);
                        await context.Response.Body.FlushAsync(stop.Token).ConfigureAwait(false);
                        continue;
                    }

                    if (subscription.TakeDropped() is > 0 and var dropped)
                    {
                        await writer.WriteAsync(new ChainEvent("resync", sent, new() { ["dropped"] = dropped }), stop.Token).ConfigureAwait(false);
                    }

                    while (subscription.Events.TryRead(out var e))
                    {
                        if (e.Height > sent)
                        {
                            await writer.WriteAsync(e, stop.Token).ConfigureAwait(false);
                        }
                    }

                    await context.Response.Body.FlushAsync(stop.Token).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                // The client left or the node is stopping: the stream simply ends.
            }
        }).WithName("GetEvents").WithSummary("Server-Sent Events: block, transaction, tally and poll events as blocks commit (?types=block,tally to filter).");
    }

    /// <summary>Sends the events of the blocks after <paramref name="after"/>; returns the height the live stream continues after.</summary>
    private static async Task<ulong> ReplayAsync(ChainState chain, EventWriter writer, ulong? after, CancellationToken cancellation)
    {
        var tip = chain.Height;
        if (after is not { } from || from >= tip)
        {
            return after is { } a && a < tip ? a : tip;
        }

        if (tip - from > MaxReplayBlocks)
        {
            await writer.WriteAsync(new ChainEvent("resync", tip, new() { ["missedBlocks"] = tip - from }), cancellation).ConfigureAwait(false);
            return tip;
        }

        for (var h = from + 1; h <= tip; h++)
        {
            if (chain.ReadBlock(h) is { } stored)
            {
                foreach (var e in BlockEvents.Of(stored))
                {
                    await writer.WriteAsync(e, cancellation).ConfigureAwait(false);
                }
            }
        }

        return tip;
    }

    private static ulong? LastEventHeight(HttpRequest request) =>
        ulong.TryParse(request.Headers["Last-Event-ID"].ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var h) ? h : null;

    /// <summary>Writes events in the text/event-stream format, keeping only the wanted types.</summary>
    private sealed class EventWriter(HttpResponse response, SortedSet<string>? wanted)
    {
        public Task WriteAsync(ChainEvent e, CancellationToken cancellation)
        {
            if (wanted is not null && !wanted.Contains(e.Type))
            {
                return Task.CompletedTask;
            }

            var text = new StringBuilder()
                .Append("id: ").Append(e.Height.ToString(CultureInfo.InvariantCulture)).Append('\n')
                .Append("event: ").Append(e.Type).Append('\n')
                .Append("data: ").Append(e.Data.ToJsonString()).Append("\n\n")
                .ToString();
            return response.WriteAsync(text, cancellation);
        }
    }
}
