using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using PhoneBridge.Bench.Measuring;
using PhoneBridge.Testing.Sessions;

namespace PhoneBridge.Bench.Swarm;

/// <summary>What the whole swarm got.</summary>
internal sealed class SwarmTally
{
    private long _attempts, _throttled, _hits, _admitted, _other;

    public Latencies Latencies { get; } = new();

    public long Attempts => Interlocked.Read(ref _attempts);

    public long Throttled => Interlocked.Read(ref _throttled);

    public long Hits => Interlocked.Read(ref _hits);

    /// <summary>Hits let in without the agent (Auto admission while the global budget held).</summary>
    public long Admitted => Interlocked.Read(ref _admitted);

    /// <summary>Answers that were none of 404, 429 or a join: must stay 0.</summary>
    public long Other => Interlocked.Read(ref _other);

    public void Attempted() => Interlocked.Increment(ref _attempts);

    public void WasThrottled() => Interlocked.Increment(ref _throttled);

    public void Hit(bool admitted)
    {
        Interlocked.Increment(ref _hits);
        if (admitted)
        {
            Interlocked.Increment(ref _admitted);
        }
    }

    public void Unexpected() => Interlocked.Increment(ref _other);
}

/// <summary>
/// The throttle window of one attacking address as its guessers see it: opened by the first guess
/// that was judged, closed by the guesser that is refused first after it.
/// </summary>
internal sealed class AddressWindow
{
    private long _opened;

    /// <summary>The timestamp the window opened at, or null while none is known.</summary>
    public long? Opened => Interlocked.Read(ref _opened) is var opened and not 0 ? opened : null;

    public void Judged(long at) => Interlocked.CompareExchange(ref _opened, at, 0);

    public void Reset() => Interlocked.Exchange(ref _opened, 0);
}

/// <summary>
/// One attacking guesser: random PINs of the shop's length as fast as the throttle lets it, from its
/// address (which it may share with other guessers firing at the same time). It knows the published
/// rules: the address's window opens at its first failure, so after a <c>429</c> it sleeps until that
/// window closes (a refused request is not a guess). It does not wait out the whole <c>Retry-After</c>,
/// which is in whole seconds and, with the windows of a compressed day, would round a 1 s window up to 2.
/// </summary>
internal sealed class Guesser(SessionsApi api, AddressWindow address, int length, TimeSpan window, ShopCalls shop, SwarmTally tally)
{
    private static readonly TimeSpan Slack = TimeSpan.FromMilliseconds(15);

    public async Task RunAsync(CancellationToken until)
    {
        var max = (int)Math.Pow(10, length);
        while (!until.IsCancellationRequested)
        {
            var pin = Random.Shared.Next(max).ToString(CultureInfo.InvariantCulture).PadLeft(length, '0');
            var started = Stopwatch.GetTimestamp();
            using var response = await api.JoinAsync(pin);
            tally.Latencies.RecordSince(started);
            switch (response.StatusCode)
            {
                case HttpStatusCode.NotFound:
                    address.Judged(started);
                    tally.Attempted();
                    break;
                case HttpStatusCode.OK:
                    address.Judged(started);
                    tally.Attempted();
                    var joined = JsonSerializer.Deserialize<JoinedJson>(await response.Content.ReadAsStringAsync(CancellationToken.None), SessionsApi.Json)!;
                    tally.Hit(joined.Admission == "admitted");
                    // The PIN may belong to a call ending at this moment; its PIN was still live.
                    shop.Hit(pin);
                    break;
                case HttpStatusCode.TooManyRequests:
                    tally.WasThrottled();
                    var retryAfter = response.Headers.RetryAfter?.Delta ?? window;
                    var closes = address.Opened is { } opened ? window - Stopwatch.GetElapsedTime(opened) + Slack : Slack;
                    await Delay(closes <= TimeSpan.Zero ? Slack : closes < retryAfter ? closes : retryAfter, until);
                    address.Reset();
                    break;
                default:
                    tally.Unexpected();
                    break;
            }
        }
    }

    private static async Task Delay(TimeSpan wait, CancellationToken until)
    {
        try
        {
            await Task.Delay(wait, until);
        }
        catch (OperationCanceledException)
        {
        }
    }
}
