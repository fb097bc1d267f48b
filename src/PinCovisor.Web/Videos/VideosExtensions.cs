using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace PinCovisor.Web.Videos;

/// <summary>Wires the shop's videos: the <c>Videos</c> list (URL hosts allowed by <c>VideoHosts:Allowed</c>) and <c>/api/videos</c>.</summary>
internal static class VideosExtensions
{
    internal static IHostApplicationBuilder AddVideos(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<VideoHostOptions>().BindConfiguration(VideoHostOptions.SectionName);
        services.AddOptions<List<VideoOptions>>().BindConfiguration(VideoOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<List<VideoOptions>>, VideoValidation>());
        services.TryAddSingleton<VideoLibrary>();
        return builder;
    }

    internal static WebApplication MapVideos(this WebApplication app)
    {
        app.MapVideoEndpoints();
        return app;
    }
}
