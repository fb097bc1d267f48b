using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Protocol;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using PinCovisor.Web.Auth;
using PinCovisor.Web.Sessions;
using Serilog.Core;
using StackExchange.Redis;
using Microsoft.Extensions.Hosting;

namespace PinCovisor.Web.Hub;

/// <summary>Wires the real-time hub <c>/hubs/covisor</c>, its event log and the transcript export.</summary>
internal static class CovisorHubExtensions
{
    /// <summary>
    /// Registers SignalR with the hub's options (section <c>Hub</c>), the per-session event log, the
    /// hub's <see cref="ISessionNotifier"/> and PhoneBridge's transfer news (replacing the no-ops) and, when <c>ConnectionStrings:Redis</c>
    /// is set, the SignalR Redis backplane so several hosts serve one session. With the embedded Garnet
    /// there is one host and no backplane.
    /// </summary>
    internal static IHostApplicationBuilder AddCovisorHub(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<CovisorHubOptions>()
            .BindConfiguration(CovisorHubOptions.SectionName)
            .Validate(o => o.HistoryLifetime > TimeSpan.Zero, "Hub:HistoryLifetime must be positive")
            .Validate(o => o.MaxHistoryEvents >= 0, "Hub:MaxHistoryEvents must be 0 (keep all) or more")
            .Validate(o => o.MaxHistoryBytes >= 8 * o.MaxMessageBytes && o.MaxHistoryBytes <= 1L << 30,
                "Hub:MaxHistoryBytes must be at least 8 × Hub:MaxMessageBytes and at most 1073741824")
            .Validate(o => o.ReplayPageSize is >= 1 and <= 5000, "Hub:ReplayPageSize must be between 1 and 5000")
            .Validate(o => o.ReplayPageBytes is >= 16 * 1024 and <= 4 * 1024 * 1024, "Hub:ReplayPageBytes must be between 16384 and 4194304")
            .Validate(o => o.MaxMessageBytes is >= 1024 and <= 1024 * 1024, "Hub:MaxMessageBytes must be between 1024 and 1048576")
            .Validate(o => o.MessagesPerSecond > 0, "Hub:MessagesPerSecond must be positive")
            .Validate(o => o.MessagesBurst >= 1, "Hub:MessagesBurst must be at least 1")
            .Validate(o => o.MaxCustomerConnections is >= 1 and <= 1000, "Hub:MaxCustomerConnections must be between 1 and 1000")
            .Validate(o => o.MaxAgentConnections is >= 1 and <= 1000, "Hub:MaxAgentConnections must be between 1 and 1000")
            .Validate(o => o.CredentialCheckInterval >= TimeSpan.FromSeconds(1) && o.CredentialCheckInterval <= TimeSpan.FromMinutes(10),
                "Hub:CredentialCheckInterval must be between 1 second and 10 minutes")
            .Validate(o => o.MaxTextLength is >= 1 and <= 20_000, "Hub:MaxTextLength must be between 1 and 20000")
            .Validate(o => o.AccessCacheDuration >= TimeSpan.Zero && o.AccessCacheDuration <= TimeSpan.FromMinutes(1),
                "Hub:AccessCacheDuration must be between 0 and 1 minute")
            .Validate(o => o.AllowedOrigins.All(a => OriginCheck.Normalise(a) is not null),
                "Hub:AllowedOrigins entries must be http(s) origins such as https://shop.example")
            .ValidateOnStart();

        services.AddSingleton<SessionEventLog>();
        services.AddSingleton<CustomerCopies>();
        services.AddSingleton<SessionEvents>();
        services.AddSingleton<HubAccess>();
        services.AddSingleton<HubConnections>();
        services.AddSingleton<ShareSources>();
        services.AddSingleton<HubRateLimitFilter>();
        services.AddSingleton<HubConnectionLeases>();
        services.AddSingleton<HubConnectionLimitFilter>();
        services.AddSingleton<HubControl>();
        services.AddHostedService(provider => provider.GetRequiredService<HubControl>());
        services.AddHostedService<HubCredentialSweep>();
        services.AddSingleton<ISessionNotifier, HubSessionNotifier>();
        services.AddSingleton<PhoneBridge.Ivr.ICallTransferEvents, HubCallTransferEvents>();
        services.AddSingleton<IRevocationNotifier, HubRevocationNotifier>();
        // Serilog reads filters from the container: SignalR's error for a refused connection goes.
        services.AddSingleton<ILogEventFilter, HubConnectRefusalLogFilter>();

        // Outermost first: the failure log also sees the rate limit's refusals.
        var signalR = services.AddSignalR().AddHubOptions<CovisorHub>(o =>
        {
            o.AddFilter<HubTelemetryFilter>();
            o.AddFilter<HubFailureLogFilter>();
            o.AddFilter<HubConnectionLimitFilter>();
            o.AddFilter<HubRateLimitFilter>();
            o.AddFilter<HubRedisOutageFilter>();
        });
        services.AddSingleton<HubFailureLogFilter>();
        services.AddSingleton<HubTelemetryFilter>();
        // In place of SignalR's JSON protocol (same name, same wire format), for readable argument errors.
        services.RemoveAll<IHubProtocol>();
        services.AddSingleton<IHubProtocol>(provider =>
            new HubArgumentProtocol(new JsonHubProtocol(provider.GetRequiredService<IOptions<JsonHubProtocolOptions>>())));
        services.AddSingleton<HubRedisOutageFilter>();
        // After AddHubOptions, whose set-up copies the global hub options over the hub's own.
        services.AddOptions<HubOptions<CovisorHub>>().Configure<IOptions<CovisorHubOptions>>(
            (hub, ours) => hub.MaximumReceiveMessageSize = ours.Value.MaxMessageBytes);

        if (!string.IsNullOrWhiteSpace(builder.Configuration.GetConnectionString("Redis")))
        {
            // On the host's own connection (see HubBackplane), which already survives a Redis outage
            // and carries the pb: channel prefix.
            signalR.AddStackExchangeRedis();
            services.AddOptions<Microsoft.AspNetCore.SignalR.StackExchangeRedis.RedisOptions>()
                .Configure<IConnectionMultiplexer>((o, redis) => o.ConnectionFactory = _ => HubBackplane.ConnectAsync(redis));
            // A group's members on this host are served at once, not through Redis and back.
            services.AddSingleton(typeof(Microsoft.AspNetCore.SignalR.StackExchangeRedis.RedisHubLifetimeManager<>));
            services.Replace(ServiceDescriptor.Singleton(typeof(HubLifetimeManager<>), typeof(LocalFirstHubLifetimeManager<>)));
        }

        return builder;
    }

    /// <summary>
    /// Maps <c>/hubs/covisor</c> (refusing foreign Origins with 403) and
    /// <c>GET /api/sessions/{sessionId}/transcript</c>.
    /// </summary>
    internal static WebApplication MapCovisorHub(this WebApplication app)
    {
        // Closing at the credential's expiry: a token's lifetime bounds a connection's too.
        app.MapHub<CovisorHub>("/hubs/covisor", o => o.CloseOnAuthenticationExpiration = true).Add(endpoint =>
        {
            if (endpoint.RequestDelegate is { } inner)
            {
                endpoint.RequestDelegate = OriginCheck.Guard(inner);
            }
        });
        app.MapTranscript();
        return app;
    }
}
