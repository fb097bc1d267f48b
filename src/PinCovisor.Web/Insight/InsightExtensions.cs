using Microsoft.Extensions.DependencyInjection.Extensions;
using PhoneBridge.Pins;
using PinCovisor.Web.Agents;
using PinCovisor.Web.Auth;
using Microsoft.Extensions.Hosting;

namespace PinCovisor.Web.Insight;

/// <summary>Wires insight: the counters, PhoneBridge's PIN store wrapped to feed them, and the admins' API.</summary>
internal static class InsightExtensions
{
    /// <summary>
    /// Registers <see cref="InsightCounters"/> and the <c>Insight</c> options, validated at start-up,
    /// and wraps the registered <see cref="IPinStore"/> (call after <c>AddPins</c>).
    /// </summary>
    internal static IHostApplicationBuilder AddInsight(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<InsightOptions>()
            .BindConfiguration(InsightOptions.SectionName)
            .Validate(o => o.KeepDays is >= 1 and <= 3650, "Insight:KeepDays must be between 1 and 3650")
            .Validate(o => o.MaxRangeDays is >= 1 and <= 366, "Insight:MaxRangeDays must be between 1 and 366")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<InsightCounters>();
        services.AddSingleton<InsightReader>();

        var pins = services.LastOrDefault(d => d.ServiceType == typeof(IPinStore))
            ?? throw new InvalidOperationException("AddInsight needs PhoneBridge's PIN store: call AddPins first.");
        services.Replace(ServiceDescriptor.Singleton<IPinStore>(sp => new InsightPinStore(Inner(sp, pins), sp.GetRequiredService<InsightCounters>())));
        return builder;
    }

    /// <summary>Maps <c>/api/admin/insight</c> and <c>/api/admin/insight.csv</c>, for admins only.</summary>
    internal static WebApplication MapInsight(this WebApplication app)
    {
        app.MapGroup("/api/admin")
            .RequireAuthorization(CovisorClaims.AgentPolicy)
            .AddEndpointFilter<AdminOnlyFilter>()
            .WithTags("Insight")
            .MapInsightEndpoints();
        return app;
    }

    private static IPinStore Inner(IServiceProvider services, ServiceDescriptor registered) =>
        (IPinStore)(registered.ImplementationInstance
            ?? registered.ImplementationFactory?.Invoke(services)
            ?? ActivatorUtilities.CreateInstance(services, registered.ImplementationType!));
}
