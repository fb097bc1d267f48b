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

    /// <summary>To the agent a call was being transferred from: how it went (not logged; see docs/hub-protocol.md).</summary>
    Task CallTransfer(CallTransferNotice notice);
}

/// <summary>What <c>TransferCall</c> answers: the call is ringing <paramref name="To"/>; the session follows when they take it.</summary>
/// <param name="SessionId">The session whose call is transferred.</param>
/// <param name="To">The agent rung.</param>
/// <param name="State">Always <c>ringing</c>.</param>
public sealed record CallTransferStarted(string SessionId, AgentInfo To, string State);

/// <summary>News of a call transfer for the agent it came from.</summary>
/// <param name="SessionId">The session whose call it is.</param>
/// <param name="To">The agent who was rung.</param>
/// <param name="State"><c>unanswered</c>: nobody took it; the call rings the first agent again and the session stayed with them.</param>
public sealed record CallTransferNotice(string SessionId, AgentInfo To, string State);

/// <summary>A typing indicator; only the latest one matters, so it has no sequence number.</summary>
public sealed record TypingSignal(string SessionId, EventAuthor Author, bool IsTyping);

/// <summary>A pointer position, 0 to 1 relative to the shared image; only the latest one matters.</summary>
public sealed record PointerSignal(string SessionId, EventAuthor Author, double X, double Y);
