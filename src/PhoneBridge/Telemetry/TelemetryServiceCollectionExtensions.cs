using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace PhoneBridge.Telemetry;

internal static class TelemetryServiceCollectionExtensions
{
    /// <summary>The instruments, on the host's <c>IMeterFactory</c>; safe to call from every part that records.</summary>
    public static IServiceCollection AddPhoneBridgeMetrics(this IServiceCollection services)
    {
        services.AddMetrics();
        services.TryAddSingleton<PhoneBridgeMetrics>();
        return services;
    }
}
