namespace PinCovisor.Web.Hub;

/// <summary>The <see cref="CovisorEvent.Kind"/> values, and which payload each carries.</summary>
public static class EventKinds
{
    /// <summary><see cref="ChatMessage"/>.</summary>
    public const string ChatMessage = "chat.message";

    /// <summary><see cref="ChatReceipt"/>.</summary>
    public const string ChatReceipt = "chat.receipt";

    /// <summary><see cref="ImageShared"/>.</summary>
    public const string ImageShared = "image.shared";

    /// <summary><see cref="ProductCard"/>.</summary>
    public const string ProductCard = "product.card";

    /// <summary><see cref="ViewState"/>.</summary>
    public const string ViewChanged = "view.changed";

    /// <summary><see cref="StrokeAdded"/>.</summary>
    public const string StrokeAdded = "stroke.added";

    /// <summary><see cref="StrokeUndone"/>.</summary>
    public const string StrokeUndone = "stroke.undone";

    /// <summary>No payload (an empty object).</summary>
    public const string StrokesCleared = "strokes.cleared";

    /// <summary><see cref="VideoState"/>.</summary>
    public const string Video = "video.changed";

    /// <summary><see cref="CallStatusChanged"/>.</summary>
    public const string CallStatus = "call.status";

    /// <summary><see cref="ParticipantJoined"/>.</summary>
    public const string ParticipantJoined = "participant.joined";

    /// <summary><see cref="AdmissionChanged"/>.</summary>
    public const string Admission = "participant.admission";

    /// <summary><see cref="AgentChanged"/>.</summary>
    public const string AgentChanged = "agent.changed";

    /// <summary><see cref="SessionEnded"/>.</summary>
    public const string SessionEnded = "session.ended";

    /// <summary><see cref="ChatDelivery"/>.</summary>
    public const string ChatDelivery = "chat.delivery";

    /// <summary><see cref="ChatMediaUpdate"/>.</summary>
    public const string ChatMedia = "chat.media";

    /// <summary><see cref="OrderKeyed"/>; agents only (customers receive <see cref="Hidden"/>).</summary>
    public const string OrderKeyed = "order.keyed";

    /// <summary><see cref="OrderCard"/>.</summary>
    public const string OrderCard = "order.card";

    /// <summary>
    /// No payload: what customers receive in place of an agents-only event (<see cref="ChatDelivery"/>), so their
    /// sequence numbers have no holes. Never logged.
    /// </summary>
    public const string Hidden = "event.hidden";
}
