using Microsoft.Extensions.DependencyInjection.Extensions;
using PinCovisor.Web.Catalog;
using PinCovisor.Web.Media;
using PinCovisor.Web.Videos;

namespace Microsoft.Extensions.Hosting;

/// <summary>Wires what sessions show: uploaded images, the shop's videos and its product catalog.</summary>
public static class MediaExtensions
{
    /// <summary>
    /// Registers <see cref="IMediaStore"/> on Redis with the <c>Media</c> limits, the <c>Videos</c>
    /// list (URL hosts allowed by <c>VideoHosts:Allowed</c>) and the <c>Catalog</c> feed with its
    /// refresher; every section is validated at start-up.
    /// </summary>
    public static IHostApplicationBuilder AddMedia(this IHostApplicationBuilder builder)
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
        services.TryAddSingleton<IMediaStore, RedisMediaStore>();
        services.TryAddSingleton<ImageSanitizer>();
        services.AddVideos();
        services.AddCatalog();
        return builder;
    }

    /// <summary>
    /// Maps <c>/api/sessions/{id}/media</c> (upload, download), <c>/api/videos</c> and <c>/api/catalog</c>.
    /// </summary>
    public static IEndpointRouteBuilder MapMedia(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapMediaEndpoints();
        endpoints.MapVideoEndpoints();
        endpoints.MapCatalogEndpoints();
        return endpoints;
    }
}
