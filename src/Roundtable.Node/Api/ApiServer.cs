using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Roundtable.Node.Dns;
using Roundtable.Node.Events;
using Roundtable.Node.Hosting;
using Roundtable.Node.PersonalData;
using Roundtable.Node.Runtime;
using Roundtable.Portal;

namespace Roundtable.Node.Api;

/// <summary>Builds the node's HTTP API (JSON under /api/v1, problem details for every error, an OpenAPI document) and the web portal at /.</summary>
public static class ApiServer
{
    /// <summary>
    /// Creates (but does not start) the web application; <paramref name="portalLanguages"/> is the
    /// folder of languages added to the portal, <paramref name="dns"/> the node's DNS server if it runs one,
    /// <paramref name="personalData"/> where it takes disclosures of personal values (none: POST /disclosures is not served).
    /// </summary>
    public static WebApplication Build(ChainState chain, NodeConfig config, ILoggerProvider? logs, string? portalLanguages = null, DnsHost? dns = null, PersonalDataDesk? personalData = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(config.ApiUrl);
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = config.MaxRequestBodyBytes);
        builder.Logging.ClearProviders();
        if (logs is not null)
        {
            builder.Logging.AddProvider(logs);
        }

        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        // Hosting starts an Activity and a log scope for every request whenever this category logs
        // at any level; it writes nothing above Information per request, so nothing is lost.
        builder.Logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.None);
        builder.Services.AddProblemDetails();
        builder.Services.ConfigureHttpJsonOptions(o => NodeJson.Configure(o.SerializerOptions));
        builder.Services.AddOpenApi("v1");
        builder.Services.AddPortal(new PortalChainReader(chain, dns), portalLanguages);

        var app = builder.Build();
        app.UseExceptionHandler(error => error.Run(async context =>
        {
            var feature = context.Features.Get<IExceptionHandlerFeature>();
            var (status, reason) = feature?.Error is BadHttpRequestException bad
                ? (bad.StatusCode, bad.StatusCode == StatusCodes.Status413PayloadTooLarge ? "body-too-large" : "bad-request")
                : (StatusCodes.Status500InternalServerError, "internal-error");
            await ApiProblem.Create(status, reason, feature?.Error is BadHttpRequestException ? feature.Error.Message : "The node failed to answer; see its log.")
                .ExecuteAsync(context).ConfigureAwait(false);
        }));
        app.UseStatusCodePages(async context =>
        {
            var status = context.HttpContext.Response.StatusCode;
            await ApiProblem.Create(status, status == StatusCodes.Status404NotFound ? "no-such-endpoint" : "request-failed", $"{context.HttpContext.Request.Method} {context.HttpContext.Request.Path} answered {status}.")
                .ExecuteAsync(context.HttpContext).ConfigureAwait(false);
        });

        app.MapOpenApi("/api/v1/openapi.json");
        var api = app.MapGroup("/api/v1");
        ChainEndpoints.Map(api, chain);
        TransactionEndpoints.Map(api, chain, config.MaxRequestBodyBytes);
        GovernanceEndpoints.Map(api, chain);
        PowerEndpoints.Map(api, chain);
        SessionEndpoints.Map(api, chain);
        NotaryEndpoints.Map(api, chain);
        PracticeEndpoints.Map(api, chain);
        IdentityEndpoints.Map(api, chain);
        ProofEndpoints.Map(api, chain);
        NameEndpoints.Map(api, chain, dns);
        DisputeEndpoints.Map(api, chain);
        DisclosureEndpoints.Map(api, chain, personalData, config.MaxRequestBodyBytes);
        var feed = new ChainEventFeed(chain);
        app.Lifetime.ApplicationStopped.Register(feed.Dispose);
        EventEndpoints.Map(api, chain, feed, app.Lifetime);
        app.MapPortal();
        return app;
    }
}
