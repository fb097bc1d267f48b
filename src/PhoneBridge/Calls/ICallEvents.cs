namespace PhoneBridge.Calls;

/// <summary>
/// What PhoneBridge tells the visual side about calls. The web host implements it (e.g. to push
/// to agents' consoles); PhoneBridge registers a no-op so it runs without one.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1716:Identifiers should not match keywords",
    Justification = "'call' only clashes with a Visual Basic keyword; the parameter name is part of the agreed contract.")]
public interface ICallEvents
{
    /// <summary>
    /// The call's status changed (including when it ended). A repeated status is not told, except
    /// the end: each callback reporting it is passed on, so a retry after a failed step still
    /// reaches the host; implementations must take a second end as one already handled.
    /// </summary>
    Task CallStatusChangedAsync(CallRecord call, CancellationToken cancellationToken = default);

    /// <summary>
    /// An agent answered the call and is now bound to it. Told once per answering leg (and per
    /// claim by PIN): a retried or replayed whisper or dequeue is not told again.
    /// </summary>
    Task AgentAnsweredAsync(CallRecord call, CancellationToken cancellationToken = default);

    /// <summary>
    /// A call reached the IVR and was recorded. Told on each incoming request for the call (Twilio
    /// may retry one), so implementations must take a second start as one already handled.
    /// </summary>
    Task CallStartedAsync(CallRecord call, CancellationToken cancellationToken = default) => Task.CompletedTask;
}
