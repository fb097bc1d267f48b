using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;

namespace PhoneBridge.Testing.Web;

/// <summary>
/// Sums one counter instrument of one host (its meters come from the host's own
/// <see cref="IMeterFactory"/>, so other hosts in the same process are not counted).
/// </summary>
public sealed class CounterWatch : IDisposable
{
    private readonly MeterListener _listener = new();
    private long _total;

    public CounterWatch(IServiceProvider services, string meterName, string instrumentName)
    {
        ArgumentNullException.ThrowIfNull(services);
        var factory = services.GetRequiredService<IMeterFactory>();
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == meterName && instrument.Name == instrumentName && ReferenceEquals(instrument.Meter.Scope, factory))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref _total, value));
        _listener.Start();
    }

    /// <summary>Everything the counter added since this watch started.</summary>
    public long Total => Interlocked.Read(ref _total);

    public void Dispose() => _listener.Dispose();
}
