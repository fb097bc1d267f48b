using System.Diagnostics;
using System.Diagnostics.Metrics;
using PhoneBridge.Telemetry;

namespace PinCovisor.Web.Telemetry;

/// <summary>
/// The visual side's instruments on the <c>PhoneBridge</c> meter (the factory hands both assemblies
/// the same meter): joins and the hub. Tags take a few fixed values each; a hub method's name is one
/// of the hub's own, since SignalR refuses unknown names before any filter runs.
/// </summary>
internal sealed class CovisorMetrics
{
    private readonly Counter<long> _joins;
    private readonly Histogram<double> _joinDuration;
    private readonly UpDownCounter<long> _connections;
    private readonly Counter<long> _invocations;
    private readonly Histogram<double> _invocationDuration;

    public CovisorMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(PhoneBridgeTelemetry.Name);
        _joins = meter.CreateCounter<long>("phonebridge.join.attempts", "{attempt}",
            "Attempts to join a session, by method (pin, device, invite) and outcome (admitted, pending, refused, throttled, failed).");
        _joinDuration = meter.CreateHistogram("phonebridge.join.duration", "s",
            "Time from a join request's secret to its answer.", advice: PhoneBridgeTelemetry.Durations);
        _connections = meter.CreateUpDownCounter<long>("phonebridge.hub.connections", "{connection}",
            "Hub connections open on this host, by role (agent, customer).");
        _invocations = meter.CreateCounter<long>("phonebridge.hub.invocations", "{invocation}",
            "Hub method calls, by method and outcome (ok, refused, failed).");
        _invocationDuration = meter.CreateHistogram("phonebridge.hub.invocation.duration", "s",
            "Time a hub method call takes on the host.", advice: PhoneBridgeTelemetry.Durations);
    }

    public void Join(string method, string outcome, double seconds)
    {
        var tags = new TagList { { "join.method", method }, { "join.outcome", outcome } };
        _joins.Add(1, tags);
        _joinDuration.Record(seconds, tags);
    }

    public void Connection(string role, int change) => _connections.Add(change, new KeyValuePair<string, object?>("hub.role", role));

    public void Invocation(string method, string outcome, double seconds)
    {
        var tags = new TagList { { "hub.method", method }, { "hub.outcome", outcome } };
        _invocations.Add(1, tags);
        _invocationDuration.Record(seconds, tags);
    }
}
