namespace PhoneBridge.Ivr;

/// <summary>
/// What PhoneBridge tells the visual side about transfers. The web host implements it (to tell the
/// agent's console); PhoneBridge registers a no-op so it runs without one.
/// </summary>
public interface ICallTransferEvents
{
    /// <summary>
    /// Nobody took the call transferred from <paramref name="fromAgent"/> to <paramref name="toAgent"/>: it is
    /// ringing <paramref name="fromAgent"/> again, and its session never left them.
    /// </summary>
    Task TransferUnansweredAsync(string callSid, string fromAgent, string toAgent, CancellationToken cancellationToken = default);
}

/// <summary>The default <see cref="ICallTransferEvents"/> until the host registers its own: nobody listens.</summary>
internal sealed class NoCallTransferEvents : ICallTransferEvents
{
    public Task TransferUnansweredAsync(string callSid, string fromAgent, string toAgent, CancellationToken cancellationToken = default) =>
        Task.CompletedTask;
}
