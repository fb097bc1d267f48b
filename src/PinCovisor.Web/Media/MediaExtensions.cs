namespace Microsoft.Extensions.Hosting;

/// <summary>Wires the Media feature.</summary>
public static class MediaExtensions
{
    /// <summary>Registers the feature's services and options.</summary>
    public static IHostApplicationBuilder AddMedia(this IHostApplicationBuilder builder) => builder;

    /// <summary>Maps the feature's endpoints.</summary>
    public static IEndpointRouteBuilder MapMedia(this IEndpointRouteBuilder endpoints) => endpoints;
}
