using System.Collections.Concurrent;
using System.Diagnostics;

namespace PinCovisor.Web.Tests.Telemetry;

/// <summary>
/// Records the spans the process ends on the <c>PhoneBridge</c> and ASP.NET Core sources, as an
/// exporter would receive them. Hosts of other tests run in the same process: read one trace only.
/// </summary>
internal sealed class SpanRecorder : IDisposable
{
    private readonly ConcurrentQueue<Activity> _ended = new();
    private readonly ActivityListener _listener;

    public SpanRecorder()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is "PhoneBridge" or "Microsoft.AspNetCore" or "Microsoft.AspNetCore.SignalR.Server",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = _ended.Enqueue,
        };
        ActivitySource.AddActivityListener(_listener);
    }

    /// <summary>The ended spans of <paramref name="trace"/> named <paramref name="name"/>.</summary>
    public List<Activity> Ended(ActivityTraceId trace, string name) =>
        _ended.Where(a => a.TraceId == trace && a.OperationName == name).ToList();

    public IEnumerable<Activity> Ended(ActivityTraceId trace) => _ended.Where(a => a.TraceId == trace);

    /// <summary>Every ended span named <paramref name="name"/>, of any trace.</summary>
    public List<Activity> Ended(string name) => _ended.Where(a => a.OperationName == name).ToList();

    /// <summary>
    /// Waits until the spans named <paramref name="name"/> satisfy <paramref name="done"/>: a span
    /// that ends after the answer was sent (SignalR's) may end after the client has it.
    /// </summary>
    public async Task<List<Activity>> EndedAsync(string name, Func<List<Activity>, bool> done)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!done(Ended(name)))
        {
            await Task.Delay(TimeSpan.FromMilliseconds(20), deadline.Token);
        }

        return Ended(name);
    }

    public void Dispose() => _listener.Dispose();
}

/// <summary>Sends every request as part of one trace, as a caller's own instrumented client would (<c>traceparent</c>).</summary>
internal sealed class TraceParentHandler(ActivityTraceId trace) : DelegatingHandler(new HttpClientHandler())
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.Remove("traceparent");
        request.Headers.Add("traceparent", $"00-{trace}-{ActivitySpanId.CreateRandom()}-01");
        return base.SendAsync(request, cancellationToken);
    }
}
