using System.Collections.Concurrent;
using PhoneBridge.Testing.Sessions;
using PhoneBridge.Testing.Web;

namespace PhoneBridge.Bench.Scenarios;

/// <summary>
/// Signed inbound-call webhooks, each for a new CallSid (so each issues a new PIN). Every call placed
/// is ended afterwards by <see cref="EndCallAsync"/> — Twilio's signed status callback
/// (<c>CallStatus=completed</c>), which revokes its PIN — run by the load outside the timed part, so
/// live PINs stay at about the number of calls in flight, as in a shop, instead of piling up.
/// </summary>
public sealed class Webhook(HttpClient http)
{
    private readonly TwilioCaller _twilio = new(http);
    private readonly ConcurrentQueue<string> _live = new();

    /// <summary>Calls placed and not ended yet.</summary>
    public int LiveCalls => _live.Count;

    /// <summary>The timed part: the inbound-call webhook answers with the PIN.</summary>
    public async Task CallAsync()
    {
        var callSid = TwilioCaller.NewCallSid();
        await PostFormAsync("/twilio/voice", callSid);
        _live.Enqueue(callSid);
    }

    /// <summary>Ends the oldest live call with a signed status callback; nothing if none is live.</summary>
    public async Task EndCallAsync()
    {
        if (_live.TryDequeue(out var callSid))
        {
            await Caller.StatusAsync(_twilio, callSid, "completed");
        }
    }

    /// <summary>Ends every call still live (after a run, so the next one starts from none).</summary>
    public async Task EndAllAsync()
    {
        while (!_live.IsEmpty)
        {
            await EndCallAsync();
        }
    }

    /// <summary>The same signed form to another path (the bare endpoint), so the client does the same work.</summary>
    public Task PostAsync(string path) => PostFormAsync(path, TwilioCaller.NewCallSid());

    private async Task PostFormAsync(string path, string callSid)
    {
        using var response = await _twilio.PostAsync(path, TwilioCaller.InboundCall(callSid));
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"POST {path} answered {(int)response.StatusCode}.");
        }

        _ = await response.Content.ReadAsByteArrayAsync();
    }

    public async Task GetAsync(string path)
    {
        using var response = await http.GetAsync(new Uri(path, UriKind.Relative));
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"GET {path} answered {(int)response.StatusCode}.");
        }

        _ = await response.Content.ReadAsByteArrayAsync();
    }

    /// <summary>Checks once that the webhook really issues and speaks a PIN, and ends that call.</summary>
    public async Task<string> FirstPinAsync()
    {
        var callSid = TwilioCaller.NewCallSid();
        var twiml = await _twilio.TwiMLAsync("/twilio/voice", TwilioCaller.InboundCall(callSid));
        await Caller.StatusAsync(_twilio, callSid, "completed");
        return twiml.PinsRead()[0];
    }
}
