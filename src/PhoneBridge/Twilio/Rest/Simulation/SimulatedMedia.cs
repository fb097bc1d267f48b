using System.Collections.Concurrent;

namespace PhoneBridge.Twilio.Rest.Simulation;

/// <summary>
/// A picture or file a simulated customer sent, kept where Twilio keeps an inbound message's media:
/// <c>GET /2010-04-01/Accounts/{AccountSid}/Messages/{MessageSid}/Media/{MediaSid}</c>, behind the account's basic auth.
/// </summary>
/// <param name="MessageSid">The inbound message it belongs to (<c>MM…</c>).</param>
/// <param name="Sid">The media's own SID (<c>ME…</c>).</param>
/// <param name="ContentType">Its MIME type, sent back as <c>Content-Type</c> and as the webhook's <c>MediaContentType{N}</c>.</param>
/// <param name="Path">Where the simulated API serves it, from <c>/2010-04-01</c> on.</param>
public sealed record SimulatedMedia(string MessageSid, string Sid, string ContentType, string Path)
{
    /// <summary>The bytes as the customer's phone sent them.</summary>
    public ReadOnlyMemory<byte> Bytes { get; init; }
}

/// <summary>The last media stored, oldest dropped first, so a long demo cannot fill the memory.</summary>
internal sealed class SimulatedMediaStore
{
    private const int Kept = 32;

    private readonly ConcurrentDictionary<(string Message, string Media), SimulatedMedia> _media = new();
    private readonly ConcurrentQueue<(string Message, string Media)> _order = new();

    public void Add(SimulatedMedia media)
    {
        var key = (media.MessageSid, media.Sid);
        _media[key] = media;
        _order.Enqueue(key);
        while (_order.Count > Kept && _order.TryDequeue(out var oldest))
        {
            _media.TryRemove(oldest, out _);
        }
    }

    public SimulatedMedia? Find(string messageSid, string mediaSid) => _media.GetValueOrDefault((messageSid, mediaSid));

    public bool Remove(string messageSid, string mediaSid) => _media.TryRemove((messageSid, mediaSid), out _);
}
