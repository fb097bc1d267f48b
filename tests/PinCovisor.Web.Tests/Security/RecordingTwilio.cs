using System.Collections.Concurrent;
using System.Xml.Linq;
using PhoneBridge.Testing.Web;

namespace PinCovisor.Web.Tests.Security;

/// <summary>One signed webhook as Twilio sent it: the URL it called and the form it posted.</summary>
internal sealed record RecordedTwilioRequest(string PathAndQuery, IReadOnlyList<KeyValuePair<string, string>> Form);

/// <summary>What the host answered to a replayed request.</summary>
internal sealed record ReplayAnswer(RecordedTwilioRequest Request, int Status, XDocument? TwiML);

/// <summary>
/// Plays Twilio's part through <see cref="TwilioCaller"/> and keeps every signed request it sent, so a
/// test can send them again exactly as someone who captured them would: the same URL, the same form,
/// hence the same <c>X-Twilio-Signature</c>.
/// </summary>
internal sealed class RecordingTwilio(TwilioCaller twilio)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private readonly ConcurrentQueue<RecordedTwilioRequest> _sent = new();

    public IReadOnlyList<RecordedTwilioRequest> Sent => [.. _sent];

    public Task<XDocument> TwiMLAsync(string pathAndQuery, List<KeyValuePair<string, string>> form)
    {
        _sent.Enqueue(new RecordedTwilioRequest(pathAndQuery, form));
        return twilio.TwiMLAsync(pathAndQuery, form);
    }

    /// <summary>Twilio's status callback for the caller's leg; asserts it was taken (204).</summary>
    public async Task StatusAsync(string callSid, string status)
    {
        List<KeyValuePair<string, string>> form =
        [
            new("AccountSid", "AC" + new string('1', 32)),
            new("CallSid", callSid),
            new("CallStatus", status),
            new("From", "+34600111222"),
            new("To", "+34910000000"),
        ];
        _sent.Enqueue(new RecordedTwilioRequest("/twilio/status", form));
        using var response = await twilio.PostAsync("/twilio/status", form);
        response.EnsureSuccessStatusCode();
    }

    /// <summary>Sends <paramref name="requests"/> again, <paramref name="copies"/> of each at the same time.</summary>
    public async Task<IReadOnlyList<ReplayAnswer>> ReplayAsync(IEnumerable<RecordedTwilioRequest> requests, int copies = 1)
    {
        var sends = requests.SelectMany(r => Enumerable.Repeat(r, copies)).Select(async request =>
        {
            using var response = await twilio.PostAsync(request.PathAndQuery, request.Form);
            var body = await response.Content.ReadAsStringAsync().WaitAsync(Timeout);
            var twiml = response.Content.Headers.ContentType?.MediaType == "application/xml" ? XDocument.Parse(body) : null;
            return new ReplayAnswer(request, (int)response.StatusCode, twiml);
        });
        return await Task.WhenAll(sends).WaitAsync(Timeout);
    }

    /// <summary>Sends every request recorded so far again, <paramref name="copies"/> of each at the same time.</summary>
    public Task<IReadOnlyList<ReplayAnswer>> ReplayAllAsync(int copies = 1) => ReplayAsync(Sent, copies);
}
