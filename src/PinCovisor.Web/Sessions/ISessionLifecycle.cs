namespace PinCovisor.Web.Sessions;

/// <summary>Ends sessions the same way whoever ends them (the agent, or the call's grace period).</summary>
public interface ISessionLifecycle
{
    /// <summary>
    /// Closes the session, revokes every customer token of it and tells its people why.
    /// False when it was unknown or already closed.
    /// </summary>
    Task<bool> CloseAsync(string sessionId, string reason, CancellationToken cancellationToken = default);
}
