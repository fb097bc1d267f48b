using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace PinCovisor.Web.Media;

/// <summary>Wires the images shared in sessions: upload, sanitising, download.</summary>
internal static class MediaExtensions
{
    /// <summary>
    /// Registers <see cref="RedisMediaStore"/> with the <c>Media</c> limits, validated at start-up.
    /// </summary>
    internal static IHostApplicationBuilder AddMedia(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<MediaOptions>()
            .BindConfiguration(MediaOptions.SectionName)
            .Validate(o => o.MaxBytes is > 0 and <= 256L * 1024 * 1024, "Media:MaxBytes must be between 1 byte and 256 MiB")
            .Validate(o => o.MaxPixels > 0, "Media:MaxPixels must be positive")
            .Validate(o => o.Lifetime > TimeSpan.Zero, "Media:Lifetime must be positive")
            .Validate(o => o.MaxPerSession > 0, "Media:MaxPerSession must be positive")
            .Validate(o => o.MaxBytesPerSession > 0, "Media:MaxBytesPerSession must be positive")
            .Validate(o => o.MaxConcurrentDecodes > 0, "Media:MaxConcurrentDecodes must be positive")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<RedisMediaStore>();
        services.TryAddSingleton<ImageSanitizer>();
        return builder;
    }

    /// <summary>
    /// Maps <c>/api/sessions/{id}/media</c> (upload, download).
    /// </summary>
    internal static WebApplication MapMedia(this WebApplication app)
    {
        app.MapMediaEndpoints();
        return app;
    }
}
