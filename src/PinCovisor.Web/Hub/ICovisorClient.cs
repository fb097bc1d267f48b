namespace PinCovisor.Web.Hub;

/// <summary>What the hub calls on its clients (<c>connection.on("SessionEvent", …)</c> in JavaScript).</summary>
public interface ICovisorClient
{
    /// <summary>A logged event of a session: apply in <see cref="CovisorEvent.Seq"/> order, once.</summary>
    Task SessionEvent(CovisorEvent e);

    /// <summary>Someone else in the session started or stopped typing (not logged).</summary>
    Task Typing(TypingSignal signal);

    /// <summary>Someone else's pointer over the shared image (not logged).</summary>
    Task PointerMoved(PointerSignal signal);
}

/// <summary>A typing indicator; only the latest one matters, so it has no sequence number.</summary>
public sealed record TypingSignal(string SessionId, EventAuthor Author, bool IsTyping);

/// <summary>A pointer position, 0 to 1 relative to the shared image; only the latest one matters.</summary>
public sealed record PointerSignal(string SessionId, EventAuthor Author, double X, double Y);
