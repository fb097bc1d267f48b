using System.Globalization;
using PinCovisor.Web.CallBack;

namespace PinCovisor.Web.Hub;

/// <summary>A session's transcript as <c>GET /api/sessions/{id}/transcript</c> returns it in JSON.</summary>
/// <param name="SessionId">The session.</param>
/// <param name="ExportedAt">When it was read.</param>
/// <param name="Lines">What was said, shown and done, in log order.</param>
public sealed record Transcript(string SessionId, DateTimeOffset ExportedAt, IReadOnlyList<TranscriptLine> Lines);

/// <summary>One line of a transcript.</summary>
/// <param name="Seq">The event's sequence number.</param>
/// <param name="At">When it happened (server time).</param>
/// <param name="Role"><c>agent</c>, <c>customer</c> or <c>system</c>.</param>
/// <param name="Name">The author's display name (null for the system).</param>
/// <param name="Kind">The event kind.</param>
/// <param name="Text">The chat text, or a one-line summary of anything else.</param>
public sealed record TranscriptLine(long Seq, DateTimeOffset At, string Role, string? Name, string Kind, string Text)
{
    /// <summary>
    /// The transcript lines of a log, in order. Receipts and zoom/pan are left out (they are
    /// plumbing, not conversation); a stroke sent in several batches is one line.
    /// </summary>
    public static IEnumerable<TranscriptLine> From(IEnumerable<CovisorEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        var strokes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var e in events)
        {
            if (e.Kind == EventKinds.StrokeAdded && !strokes.Add(e.Author.Id + "/" + e.DataAs<StrokeAdded>().StrokeId))
            {
                continue;
            }

            if (Summary(e) is { } text)
            {
                yield return new TranscriptLine(e.Seq, e.At, e.Author.Role, e.Author.Name, e.Kind, text);
            }
        }
    }

    private static string? Summary(CovisorEvent e) => e.Kind switch
    {
        EventKinds.ChatMessage => e.DataAs<ChatMessage>().Text,
        EventKinds.ImageShared => e.DataAs<ImageShared>() switch
        {
            { Product: { } product } => $"Shared the picture of {product.Title}",
            var image => $"Shared an uploaded image ({image.MediaId})",
        },
        EventKinds.ProductCard => Card(e.DataAs<ProductCard>()),
        EventKinds.OrderCard => e.DataAs<OrderCard>().Order is var order ? $"Order {order.Number}: {order.Status}" : null,
        EventKinds.StrokeAdded => "Drew on the image",
        EventKinds.StrokeUndone => "Undid a drawing",
        EventKinds.StrokesCleared => "Cleared the drawings",
        EventKinds.Video => Video(e.DataAs<VideoState>()),
        EventKinds.CallStatus => $"Call {e.DataAs<CallStatusChanged>().Status}",
        EventKinds.ParticipantJoined => Joined(e.DataAs<ParticipantJoined>()),
        EventKinds.Admission => Admission(e.DataAs<AdmissionChanged>()),
        EventKinds.AgentChanged => $"{e.DataAs<AgentChanged>().DisplayName} is now in charge",
        EventKinds.SessionEnded => $"Session ended ({e.DataAs<SessionEnded>().Reason})",
        EventKinds.ChatMedia => Attachments(e.DataAs<ChatMediaUpdate>()),
        CallBackEventKinds.Requested => $"Asked to be called at {e.DataAs<CallBackRequested>().MaskedNumber}",
        CallBackEventKinds.Placed => $"Called the customer at {e.DataAs<CallBackPlaced>().MaskedNumber}",
        _ => null,
    };

    private static string Card(ProductCard card) => card.Product.Price is { } price
        ? string.Create(CultureInfo.InvariantCulture, $"Product: {card.Product.Title}, {price} {card.Product.Currency}").TrimEnd()
        : $"Product: {card.Product.Title}";

    private static string Video(VideoState v) =>
        string.Create(CultureInfo.InvariantCulture, $"Video {v.VideoId}: {v.Action} at {v.Position:0.#} s, rate {v.Rate}");

    private static string Attachments(ChatMediaUpdate update) =>
        "Attachments: " + string.Join(", ", update.Media.Select(m => m.State == "stored"
            ? $"{m.ContentType} ({m.MediaId})"
            : $"{(m.ContentType.Length > 0 ? m.ContentType : "unknown type")} not kept ({m.Reason})"));

    private static string Joined(ParticipantJoined p) =>
        $"A device joined ({p.Admission}){(p.Device is null ? "" : ": " + p.Device)}";

    private static string Admission(AdmissionChanged a) => $"Device {a.ParticipantId} {a.Admission}";
}
