using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace PinCovisor.Web.Videos;

/// <summary>Registers the shop's videos.</summary>
internal static class VideoExtensions
{
    public static IServiceCollection AddVideos(this IServiceCollection services)
    {
        services.AddOptions<VideoHostOptions>().BindConfiguration(VideoHostOptions.SectionName);
        services.AddOptions<List<VideoOptions>>().BindConfiguration(VideoOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<List<VideoOptions>>, VideoValidation>());
        services.TryAddSingleton<VideoLibrary>();
        return services;
    }
}
