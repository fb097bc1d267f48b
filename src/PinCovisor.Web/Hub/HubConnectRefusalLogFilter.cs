using Microsoft.AspNetCore.SignalR;
using Serilog.Core;
using Serilog.Events;

namespace PinCovisor.Web.Hub;

/// <summary>
/// Drops SignalR's error for a connection the hub refused with a <see cref="HubException"/> (too
/// many connections, a credential that died, a session that ended): that is the client's business,
/// and <see cref="HubConnectionLimitFilter"/> logs it at the level it deserves. Other errors of
/// SignalR's connection handler are kept.
/// </summary>
internal sealed class HubConnectRefusalLogFilter : ILogEventFilter
{
    private const string HandlerCategory = "Microsoft.AspNetCore.SignalR.HubConnectionHandler";

    public bool IsEnabled(LogEvent logEvent)
    {
        ArgumentNullException.ThrowIfNull(logEvent);
        return !(logEvent.Level == LogEventLevel.Error
            && logEvent.Exception is HubException
            && logEvent.Properties.TryGetValue(Constants.SourceContextPropertyName, out var source)
            && source is ScalarValue { Value: string category }
            && category.StartsWith(HandlerCategory, StringComparison.Ordinal));
    }
}
