namespace Microsoft.Extensions.Hosting;

/// <summary>Wires the Sessions feature.</summary>
public static class SessionsExtensions
{
    /// <summary>Registers the feature's services and options.</summary>
    public static IHostApplicationBuilder AddSessions(this IHostApplicationBuilder builder) => builder;

    /// <summary>Maps the feature's endpoints.</summary>
    public static IEndpointRouteBuilder MapSessions(this IEndpointRouteBuilder endpoints) => endpoints;
}
