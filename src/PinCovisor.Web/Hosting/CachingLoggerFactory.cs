using System.Collections.Concurrent;

namespace PinCovisor.Web.Hosting;

/// <summary>
/// One logger per category. Serilog's <see cref="ILoggerFactory"/> builds a new logger (with its own
/// event-id cache, ~1.5 KB) on every <c>CreateLogger</c> call, and SignalR and the socket transport
/// ask for several on every connection they accept: 10,000 held hub connections kept ~40,000 of
/// them alive. A logger holds no per-caller state, so one per category serves every caller.
/// </summary>
internal sealed class CachingLoggerFactory(ILoggerFactory inner) : ILoggerFactory
{
    private readonly ConcurrentDictionary<string, ILogger> _loggers = new(StringComparer.Ordinal);
    private readonly Func<string, ILogger> _create = inner.CreateLogger;

    // Asked on every request (authentication handlers are per request): no delegate made per call.
    public ILogger CreateLogger(string categoryName) => _loggers.GetOrAdd(categoryName, _create);

    public void AddProvider(ILoggerProvider provider) => inner.AddProvider(provider);

    public void Dispose() => inner.Dispose();

    /// <summary>Wraps the <see cref="ILoggerFactory"/> registered last (Serilog's) in one of these.</summary>
    public static void Decorate(IServiceCollection services)
    {
        var registered = services.LastOrDefault(d => d.ServiceType == typeof(ILoggerFactory))
            ?? throw new InvalidOperationException("No ILoggerFactory is registered to wrap.");
        services.Remove(registered);
        services.AddSingleton<ILoggerFactory>(provider => new CachingLoggerFactory(registered switch
        {
            { ImplementationInstance: ILoggerFactory instance } => instance,
            { ImplementationFactory: { } factory } => (ILoggerFactory)factory(provider),
            _ => (ILoggerFactory)ActivatorUtilities.CreateInstance(provider, registered.ImplementationType!),
        }));
    }
}
