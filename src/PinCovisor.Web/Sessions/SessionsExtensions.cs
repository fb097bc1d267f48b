using Microsoft.Extensions.DependencyInjection.Extensions;
using PhoneBridge.Calls;
using PinCovisor.Web.Sessions;

namespace Microsoft.Extensions.Hosting;

/// <summary>Wires the Sessions feature: the store, the lifecycle, calls into sessions, and the join API.</summary>
public static class SessionsExtensions
{
    /// <summary>
    /// Registers <see cref="ISessionStore"/> on Redis, <see cref="ISessionLifecycle"/>, the background
    /// closer, PhoneBridge's <see cref="ICallEvents"/> and the <c>Sessions</c> options. A no-op
    /// <see cref="ISessionNotifier"/> stands in until the hub registers its own.
    /// </summary>
    public static IHostApplicationBuilder AddSessions(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<SessionsOptions>()
            .BindConfiguration(SessionsOptions.SectionName)
            .Validate(o => o.Lifetime > TimeSpan.Zero, "Sessions:Lifetime must be positive")
            .Validate(o => o.CallEndGrace >= TimeSpan.Zero && o.CallEndGrace < o.Lifetime,
                "Sessions:CallEndGrace must be zero or more and shorter than Sessions:Lifetime")
            .Validate(o => o.PublicBaseUrl is null || (o.PublicBaseUrl.IsAbsoluteUri && o.PublicBaseUrl.Scheme is "http" or "https"),
                "Sessions:PublicBaseUrl must be an absolute http(s) URL when set")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ISessionNotifier, NoSessionNotifier>();
        services.AddSingleton<ISessionStore, RedisSessionStore>();
        services.AddSingleton<ISessionLifecycle, SessionLifecycle>();
        services.AddSingleton<SessionClosingQueue>();
        services.AddHostedService<SessionCloser>();
        services.AddSingleton<ICallEvents, SessionCallEvents>();
        return builder;
    }

    /// <summary>Maps the feature's endpoints.</summary>
    public static IEndpointRouteBuilder MapSessions(this IEndpointRouteBuilder endpoints) => endpoints;
}
