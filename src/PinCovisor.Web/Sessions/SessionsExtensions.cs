using Microsoft.Extensions.DependencyInjection.Extensions;
using PhoneBridge.Calls;
using PinCovisor.Web.Throttling;
using Microsoft.Extensions.Hosting;

namespace PinCovisor.Web.Sessions;

/// <summary>Wires the Sessions feature: the store, the lifecycle, calls into sessions, and the join API.</summary>
internal static class SessionsExtensions
{
    /// <summary>
    /// Registers <see cref="RedisSessionStore"/>, <see cref="SessionLifecycle"/>, the background
    /// closer, PhoneBridge's <see cref="ICallEvents"/>, the join flow and the <c>Sessions</c> and
    /// <c>Join</c> options, validated at start-up. A no-op
    /// <see cref="ISessionNotifier"/> stands in until the hub registers its own.
    /// </summary>
    internal static IHostApplicationBuilder AddSessions(this IHostApplicationBuilder builder)
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
        services.AddSingleton<RedisSessionStore>();
        services.AddSingleton<SessionLifecycle>();
        services.AddSingleton<SessionClosingQueue>();
        services.AddHostedService<SessionCloser>();
        services.AddSingleton<ICallEvents, SessionCallEvents>();

        services.AddOptions<JoinOptions>()
            .BindConfiguration(JoinOptions.SectionName)
            .Validate(o => Enum.IsDefined(o.Admission), "Join:Admission must be Agent or Auto")
            .Validate(o => o.MaxFailuresPerClient > 0, "Join:MaxFailuresPerClient must be positive")
            .Validate(o => o.FailureWindow >= TimeSpan.FromSeconds(1), "Join:FailureWindow must be at least one second")
            .Validate(o => o.GlobalFailureBudget > 0, "Join:GlobalFailureBudget must be positive")
            .Validate(o => o.GlobalWindow >= TimeSpan.FromSeconds(1), "Join:GlobalWindow must be at least one second")
            .Validate(o => o.TokenLifetime > TimeSpan.Zero, "Join:TokenLifetime must be positive")
            .ValidateOnStart();
        services.TryAddSingleton<AttemptThrottle>();
        services.AddSingleton<JoinThrottle>();
        services.AddSingleton<DeviceCodes>();
        services.AddSingleton<SessionInvites>();
        services.AddSingleton<JoinFlow>();
        services.AddSingleton<AdmissionDesk>();
        return builder;
    }

    /// <summary>
    /// Maps <c>POST /api/join</c>, <c>POST /api/join/device</c>, the waiting room under
    /// <c>/api/sessions</c> and <c>POST /api/sessions/{id}/devices</c>.
    /// </summary>
    internal static WebApplication MapSessions(this WebApplication app)
    {
        JoinEndpoints.Map(app);
        WaitingRoomEndpoints.Map(app);
        DeviceLinkEndpoints.Map(app);
        return app;
    }
}
