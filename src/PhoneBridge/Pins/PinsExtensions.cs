using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using PhoneBridge.Telemetry;

namespace PhoneBridge.Pins;

/// <summary>Registers PINs.</summary>
internal static class PinsExtensions
{
    /// <summary>
    /// Adds <see cref="IPinStore"/> on Redis and binds <see cref="PinOptions"/> to the <c>Pins</c>
    /// section, validated at start-up. The host must register an <c>IConnectionMultiplexer</c>;
    /// <see cref="TimeProvider.System"/> is registered unless the host supplies its own clock.
    /// </summary>
    internal static IHostApplicationBuilder AddPins(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        // The PIN store counts the PINs it issues.
        services.AddPhoneBridgeMetrics();
        services.AddOptions<PinOptions>()
            .BindConfiguration(PinOptions.SectionName)
            .Validate(o => o.SecretBytes() is not null,
                "Pins:SecretKey is required: base64 of at least 32 random bytes, the same on every host")
            .Validate(o => o.Length is >= PinOptions.MinimumLength and <= PinOptions.MaximumLength,
                "Pins:Length must be between 4 and 10")
            .Validate(o => o.MaxLength >= o.Length && o.MaxLength <= PinOptions.MaximumLength,
                "Pins:MaxLength must be between Pins:Length and 10")
            .Validate(o => o.Lifetime > TimeSpan.Zero, "Pins:Lifetime must be positive")
            .Validate(o => o.MaxLiveShare is > 0 and <= 1, "Pins:MaxLiveShare must be above 0 and at most 1")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IPinStore, RedisPinStore>();
        return builder;
    }
}
