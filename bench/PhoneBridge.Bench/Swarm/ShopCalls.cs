using System.Collections.Concurrent;
using PhoneBridge.Testing.Sessions;
using PhoneBridge.Testing.Web;

namespace PhoneBridge.Bench.Swarm;

/// <summary>
/// The shop under attack: a fixed number of calls always in progress, each with the live PIN the IVR
/// read, ended after <c>callLength</c> (or at once when a guesser redeemed its PIN) and replaced by
/// a new call. Keeps a running mean of live PINs so the expected hits can be computed.
/// </summary>
internal sealed class ShopCalls(HttpClient http, int length, int inProgress, TimeSpan callLength)
{
    private readonly TwilioCaller _twilio = new(http);
    private readonly ConcurrentDictionary<string, string> _byPin = new(StringComparer.Ordinal);

    private int _placed;
    private int _longer;

    /// <summary>Calls whose PIN came out longer than the configured length (that length was at capacity).</summary>
    public int Longer => _longer;

    /// <summary>Calls placed in all.</summary>
    public int Placed => _placed;

    /// <summary>Live PINs right now.</summary>
    public int Live => _byPin.Count;

    /// <summary>Keeps <c>inProgress</c> calls going until <paramref name="until"/> is cancelled.</summary>
    public async Task RunAsync(CancellationToken until)
    {
        var lines = Enumerable.Range(0, inProgress).Select(_ => LineAsync(until));
        await Task.WhenAll(lines);
    }

    /// <summary>A guesser found this PIN: its call ends now (the caller finds their PIN used).</summary>
    public bool Hit(string pin) => _byPin.TryRemove(pin, out _);

    private async Task LineAsync(CancellationToken until)
    {
        while (!until.IsCancellationRequested)
        {
            var call = await Caller.CallAsync(_twilio);
            Interlocked.Increment(ref _placed);
            if (call.Pin.Length > length)
            {
                Interlocked.Increment(ref _longer);
            }

            _byPin[call.Pin] = call.CallSid;
            try
            {
                var ends = DateTime.UtcNow + callLength;
                while (DateTime.UtcNow < ends && _byPin.ContainsKey(call.Pin))
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(20), until);
                }
            }
            catch (OperationCanceledException)
            {
            }

            _byPin.TryRemove(call.Pin, out _);
            await Caller.StatusAsync(_twilio, call.CallSid, "completed");
        }
    }
}
