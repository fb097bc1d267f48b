using Serilog.Core;
using Serilog.Events;

namespace PinCovisor.Web.Hosting;

/// <summary>
/// Keeps customers' numbers out of the log: the path of <c>/api/customers/{phone}</c> (erasure and
/// export) holds the full number, and ASP.NET Core puts the path on every line of the request
/// (<c>RequestPath</c>, and <c>Path</c> where a line names it). Those properties are rewritten to
/// <c>/api/customers/{phone}</c> plus what follows the number.
/// </summary>
internal sealed class CustomerPathMask : ILogEventEnricher
{
    private const string Prefix = "/api/customers/";
    private static readonly string[] Names = ["RequestPath", "Path"];

    public void Enrich(LogEvent logEvent, ILogEventPropertyFactory propertyFactory)
    {
        ArgumentNullException.ThrowIfNull(logEvent);
        foreach (var name in Names)
        {
            if (logEvent.Properties.TryGetValue(name, out var value) && value is ScalarValue { Value: string path } && Masked(path) is { } masked)
            {
                logEvent.AddOrUpdateProperty(new LogEventProperty(name, new ScalarValue(masked)));
            }
        }
    }

    /// <summary>The path with the number replaced, or null for any other path.</summary>
    public static string? Masked(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!path.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var rest = path.AsSpan(Prefix.Length);
        var slash = rest.IndexOf('/');
        return Prefix + "{phone}" + (slash < 0 ? "" : rest[slash..].ToString());
    }
}
