using Microsoft.Extensions.DependencyInjection.Extensions;
using PhoneBridge.Calls;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers call records and call events.</summary>
public static class CallServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="ICallStore"/> on Redis, binds <see cref="CallOptions"/> to the <c>Calls</c>
    /// section (validated at start-up), and a no-op <see cref="ICallEvents"/> and <see cref="ICallerIndex"/> that the host replaces
    /// by registering its own, before or after this call. The host must register an
    /// <c>IConnectionMultiplexer</c>; <see cref="TimeProvider.System"/> is registered unless the host supplies its own clock.
    /// </summary>
    public static IServiceCollection AddCalls(this IServiceCollection services)
    {
        services.AddOptions<CallOptions>()
            .BindConfiguration(CallOptions.SectionName)
            .Validate(o => o.RecordLifetime > TimeSpan.Zero, "Calls:RecordLifetime must be positive")
            .Validate(o => o.StaleAfter > TimeSpan.Zero && o.StaleAfter < o.RecordLifetime,
                "Calls:StaleAfter must be positive and shorter than Calls:RecordLifetime")
            .Validate(o => o.ReconcileAfter is not { } reconcile || (reconcile > TimeSpan.Zero && reconcile < o.StaleAfter),
                "Calls:ReconcileAfter must be positive and shorter than Calls:StaleAfter")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ICallStore, RedisCallStore>();
        services.TryAddSingleton<ICallEvents, NoCallEvents>();
        services.TryAddSingleton<ICallerIndex, NoCallerIndex>();
        return services;
    }
}
