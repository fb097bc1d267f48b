using Microsoft.Extensions.DependencyInjection.Extensions;
using PinCovisor.Web.Throttling;
using Microsoft.Extensions.Hosting;

namespace PinCovisor.Web.Visitors;

/// <summary>Wires visitor monitoring: the shop widget's page views, the live list and invitations.</summary>
internal static class VisitorsExtensions
{
    /// <summary>Registers the visitor store and invitations with the validated <c>Visitors</c> options.</summary>
    internal static IHostApplicationBuilder AddVisitors(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<VisitorsOptions>()
            .BindConfiguration(VisitorsOptions.SectionName)
            .Validate(o => o.Lifetime > TimeSpan.Zero, "Visitors:Lifetime must be positive")
            .Validate(o => o.LiveWindow > TimeSpan.Zero && o.LiveWindow <= o.Lifetime,
                "Visitors:LiveWindow must be positive and at most Visitors:Lifetime")
            .Validate(o => o.InvitationLifetime > TimeSpan.Zero, "Visitors:InvitationLifetime must be positive")
            .Validate(o => o.MaxPageViewsPerMinute > 0, "Visitors:MaxPageViewsPerMinute must be positive")
            .Validate(o => o.MaxNewVisitorsPerMinute > 0, "Visitors:MaxNewVisitorsPerMinute must be positive")
            .Validate(o => o.MaxUnknownVisitorsPerMinute > 0, "Visitors:MaxUnknownVisitorsPerMinute must be positive")
            .Validate(o => Enum.IsDefined(o.Admission), "Visitors:Admission must be Agent or Auto")
            .Validate(o => o.MaxListed is > 0 and <= 10_000, "Visitors:MaxListed must be between 1 and 10000")
            .Validate(o => o.TokenLifetime > TimeSpan.Zero, "Visitors:TokenLifetime must be positive")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<AttemptThrottle>();
        services.TryAddSingleton<RedisVisitorStore>();
        services.TryAddSingleton<VisitorInvitations>();
        services.TryAddSingleton<ShopOrigins>();
        return builder;
    }

    /// <summary>Maps <c>/api/visitors</c>: page views (anonymous), the live list and invitations (agents).</summary>
    internal static WebApplication MapVisitors(this WebApplication app)
    {
        VisitorEndpoints.Map(app);
        return app;
    }
}
