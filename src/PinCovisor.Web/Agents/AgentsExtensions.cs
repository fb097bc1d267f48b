namespace Microsoft.Extensions.Hosting;

/// <summary>Wires the Agents feature.</summary>
public static class AgentsExtensions
{
    /// <summary>Registers the feature's services and options.</summary>
    public static IHostApplicationBuilder AddAgents(this IHostApplicationBuilder builder) => builder;

    /// <summary>Maps the feature's endpoints.</summary>
    public static IEndpointRouteBuilder MapAgents(this IEndpointRouteBuilder endpoints) => endpoints;
}
