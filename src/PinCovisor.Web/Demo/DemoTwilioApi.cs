using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using PhoneBridge.Twilio;
using PhoneBridge.Twilio.Rest.Simulation;
using PinCovisor.Web.Conversations;

namespace PinCovisor.Web.Demo;

/// <summary>
/// Twilio's REST API for the demo, served by this host at <see cref="Prefix"/> (the simulated API the
/// tests serve on loopback too), so that the host's own REST calls (a text, a live call redirected, a
/// call placed) reach the phone simulator instead of Twilio. What the API receives is kept as a short
/// feed the simulator page polls.
/// </summary>
internal sealed class DemoTwilioApi
{
    /// <summary>Where the API is mapped; the demo's REST requests are sent under it.</summary>
    public const string Prefix = "/demo/twilio-api";

    // The page polls every second; a few minutes of a busy demo is plenty.
    private const int Kept = 200;

    // A phone whose page has not polled for this long is gone: its call is over at the network.
    private static readonly TimeSpan PhoneGoneAfter = TimeSpan.FromSeconds(5);

    private readonly ConcurrentQueue<DemoTwilioEvent> _events = new();
    private readonly ConcurrentDictionary<string, DateTimeOffset> _phones = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;
    private long _seq;

    public DemoTwilioApi(IOptions<TwilioOptions> twilio, IOptions<TemplateOptions> templates, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(templates);
        _time = time ?? TimeProvider.System;
        var options = twilio.Value;
        Api = new SimulatedTwilioApi(AccountSidOf(options), options.AuthToken);
        Api.CallCreated += (_, call) => Add(new DemoTwilioEvent(
            0, "call.created", call.Sid, call.From, call.To, call.Status, call.Twiml, call.Url?.ToString(), call.StatusCallback?.ToString(), null));
        Api.CallUpdated += (_, update) => Add(new DemoTwilioEvent(
            0, "call.updated", update.Call.Sid, update.Call.From, update.Call.To, update.Call.Status, update.Twiml, update.Url?.ToString(), null, null));
        Api.MessageCreated += (_, message) => Add(new DemoTwilioEvent(
            0, "message.created", null, message.From, message.To, null, null, null, message.StatusCallback?.ToString(),
            TemplateText.Render(templates.Value, message.ContentSid, message.ContentVariables) ?? message.Body)
        {
            MessageSid = message.Sid,
            MediaUrls = [.. message.MediaUrls.Select(u => u.ToString())],
            ContentSid = message.ContentSid,
            ContentVariables = message.ContentVariables,
        });
    }

    /// <summary>The simulated API itself.</summary>
    public SimulatedTwilioApi Api { get; }

    /// <summary>The account the simulator speaks for: the configured one, or a placeholder of the right shape.</summary>
    public static string AccountSidOf(TwilioOptions options) =>
        string.IsNullOrEmpty(options.AccountSid) ? "AC" + new string('0', 32) : options.AccountSid;

    /// <summary>
    /// The page on the line in <paramref name="callSid"/> is still there. A page polls while its call
    /// lasts; one that stops (a closed tab, a lost network) has hung up, as far as the phone network
    /// knows, even when its status callback never reaches the host.
    /// </summary>
    public void Heard(string callSid)
    {
        if (Api.FindCall(callSid) is not null)
        {
            _phones[callSid] = _time.GetUtcNow();
        }
    }

    /// <summary>Ends, at the simulated network, every call whose page went away (see <see cref="Heard"/>).</summary>
    public void EndCallsOfGonePhones()
    {
        var gone = _time.GetUtcNow() - PhoneGoneAfter;
        foreach (var (callSid, lastHeard) in _phones)
        {
            if (lastHeard < gone && _phones.TryRemove(callSid, out _)
                && Api.FindCall(callSid) is { Status: "queued" or "ringing" or "in-progress" })
            {
                Api.SetStatus(callSid, "completed");
            }
        }
    }

    /// <summary>Where the feed stands: the last event's number, 0 before any.</summary>
    public long Position => Interlocked.Read(ref _seq);

    /// <summary>What arrived after <paramref name="after"/>, oldest first, and the number to ask after next time.</summary>
    public DemoTwilioFeed After(long after)
    {
        var events = _events.Where(e => e.Seq > after).OrderBy(e => e.Seq).ToList();
        return new DemoTwilioFeed(events.Count > 0 ? events[^1].Seq : Math.Max(after, Interlocked.Read(ref _seq)), events);
    }

    private void Add(DemoTwilioEvent e)
    {
        _events.Enqueue(e with { Seq = Interlocked.Increment(ref _seq) });
        while (_events.Count > Kept && _events.TryDequeue(out _))
        {
        }
    }
}

/// <summary>What the demo's Twilio REST API received, for the phone simulator.</summary>
/// <param name="Seq">Its place in the feed, from 1.</param>
/// <param name="Kind"><c>call.created</c> (an outbound call placed), <c>call.updated</c> (a live call redirected or ended), <c>message.created</c> (a text).</param>
/// <param name="CallSid">The call, for the call kinds.</param>
/// <param name="From">The calling number, or the text's sender.</param>
/// <param name="To">The called number, or the text's recipient.</param>
/// <param name="Status">The call's status after the change.</param>
/// <param name="Twiml">The TwiML the call must now run, when the request carried some.</param>
/// <param name="Url">The URL the call fetches its TwiML from, when the request carried one.</param>
/// <param name="StatusCallback">Where a placed call's status changes, or a message's delivery states, go, when given.</param>
/// <param name="Body">The text, for <c>message.created</c>; for a template, its preview with the variables in it, as the customer's phone shows it.</param>
public sealed record DemoTwilioEvent(
    long Seq, string Kind, string? CallSid, string? From, string? To, string? Status, string? Twiml, string? Url, string? StatusCallback, string? Body)
{
    /// <summary>The message's SID (<c>SM…</c>), for <c>message.created</c>.</summary>
    public string? MessageSid { get; init; }

    /// <summary>The media the message carries, for <c>message.created</c>; empty for none.</summary>
    public IReadOnlyList<string> MediaUrls { get; init; } = [];

    /// <summary>The content template sent (<c>HX…</c>), when the message used one.</summary>
    public string? ContentSid { get; init; }

    /// <summary>The template's variables as posted (a JSON object), when given.</summary>
    public string? ContentVariables { get; init; }
}

/// <summary>A page of <see cref="DemoTwilioEvent"/>s.</summary>
/// <param name="Next">Ask with <c>after=</c> this next time.</param>
/// <param name="Events">The events, oldest first.</param>
public sealed record DemoTwilioFeed(long Next, IReadOnlyList<DemoTwilioEvent> Events);

/// <summary>
/// Sends the host's requests for <c>api.twilio.com</c> to the demo's own simulated API while the demo is
/// on and <c>Demo:SimulateTwilioApi</c> holds; a configured <c>Twilio:ApiBaseUrl</c> is left alone.
/// </summary>
internal sealed class DemoTwilioApiHandler(IOptions<DemoOptions> demo, DemoOrigin origin, IServiceProvider services) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (demo.Value.SimulateTwilioApi
            && request.RequestUri is { Host: "api.twilio.com" } uri
            && origin.Value is { } self
            && services.GetRequiredService<IOptions<Pages.PageOptions>>().Value.DemoOn)
        {
            request.RequestUri = new Uri(self + DemoTwilioApi.Prefix + uri.PathAndQuery);
        }

        return base.SendAsync(request, cancellationToken);
    }
}

/// <summary>
/// The demo's simulated API is where this host's requests for <c>api.twilio.com</c> go (see
/// <see cref="DemoTwilioApiHandler"/>), so the simulator's media URLs under it are the account's media.
/// </summary>
internal sealed class DemoTwilioApiStandIn(IOptions<DemoOptions> demo, DemoOrigin origin, IOptions<Pages.PageOptions> pages)
    : PhoneBridge.Twilio.Rest.ITwilioApiStandIn
{
    public string? BaseUrl =>
        demo.Value.SimulateTwilioApi && pages.Value.DemoOn && origin.Value is { } self ? self + DemoTwilioApi.Prefix : null;
}
