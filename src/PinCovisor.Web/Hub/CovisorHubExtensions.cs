namespace Microsoft.Extensions.Hosting;

/// <summary>Wires the CovisorHub feature.</summary>
public static class CovisorHubExtensions
{
    /// <summary>Registers the feature's services and options.</summary>
    public static IHostApplicationBuilder AddCovisorHub(this IHostApplicationBuilder builder) => builder;

    /// <summary>Maps the feature's endpoints.</summary>
    public static IEndpointRouteBuilder MapCovisorHub(this IEndpointRouteBuilder endpoints) => endpoints;
}
