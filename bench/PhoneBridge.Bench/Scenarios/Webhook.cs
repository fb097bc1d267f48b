using PhoneBridge.Testing.Web;

namespace PhoneBridge.Bench.Scenarios;

/// <summary>Signed inbound-call webhooks, each for a new CallSid (so each issues a new PIN).</summary>
public sealed class Webhook(HttpClient http)
{
    private readonly TwilioCaller _twilio = new(http);

    public async Task CallAsync() => await PostAsync("/twilio/voice");

    /// <summary>The same signed form to another path (the bare endpoint), so the client does the same work.</summary>
    public async Task PostAsync(string path)
    {
        using var response = await _twilio.PostAsync(path, TwilioCaller.InboundCall(TwilioCaller.NewCallSid()));
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

    /// <summary>Checks once that the webhook really issues and speaks a PIN.</summary>
    public async Task<string> FirstPinAsync()
    {
        var twiml = await _twilio.TwiMLAsync("/twilio/voice", TwilioCaller.InboundCall(TwilioCaller.NewCallSid()));
        return twiml.PinsRead()[0];
    }
}
