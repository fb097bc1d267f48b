using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace PhoneBridge.Calls;

/// <summary>Registers call records, call events and the sweep that ends calls Twilio stopped reporting.</summary>
internal static class CallsExtensions
{
    /// <summary>
    /// Adds <see cref="RedisCallStore"/>, binds <see cref="CallOptions"/> to the <c>Calls</c>
    /// section (validated at start-up), and a no-op <see cref="ICallEvents"/> and <see cref="ICallerIndex"/> that the host replaces
    /// by registering its own, before or after this call. The host must register an
    /// <c>IConnectionMultiplexer</c>; <see cref="TimeProvider.System"/> is registered unless the host supplies its own clock.
    /// </summary>
    internal static IHostApplicationBuilder AddCalls(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<CallOptions>()
            .BindConfiguration(CallOptions.SectionName)
            .Validate(o => o.RecordLifetime > TimeSpan.Zero, "Calls:RecordLifetime must be positive")
            .Validate(o => o.StaleAfter > TimeSpan.Zero && o.StaleAfter < o.RecordLifetime,
                "Calls:StaleAfter must be positive and shorter than Calls:RecordLifetime")
            .Validate(o => o.ReconcileAfter is not { } reconcile || (reconcile > TimeSpan.Zero && reconcile < o.StaleAfter),
                "Calls:ReconcileAfter must be positive and shorter than Calls:StaleAfter")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<RedisCallStore>();
        services.TryAddSingleton<ICallEvents, NoCallEvents>();
        services.TryAddSingleton<ICallerIndex, NoCallerIndex>();
        services.AddHostedService<StaleCallSweep>();
        return builder;
    }
}
