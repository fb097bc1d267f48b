namespace PinCovisor.Web.Auth;

/// <summary>
/// Hears that credentials died, so live connections opened with them can be cut on every host. The
/// hub registers its own (<c>Hub/HubRevocationNotifier.cs</c>); until then <see cref="NoRevocationNotifier"/>.
/// Called after the change is in Redis: a connection cut for it cannot open again.
/// </summary>
public interface IRevocationNotifier
{
    /// <summary>The token with this id (<see cref="CovisorClaims.TokenId"/>) was revoked.</summary>
    Task TokenRevokedAsync(string tokenId, CancellationToken cancellationToken = default);

    /// <summary>The agent was disabled: every credential they hold is dead, listed or not.</summary>
    Task AgentDisabledAsync(string username, CancellationToken cancellationToken = default);
}

/// <summary>The <see cref="IRevocationNotifier"/> until the hub registers its own: nobody listens.</summary>
internal sealed class NoRevocationNotifier : IRevocationNotifier
{
    public Task TokenRevokedAsync(string tokenId, CancellationToken cancellationToken = default) => Task.CompletedTask;

    public Task AgentDisabledAsync(string username, CancellationToken cancellationToken = default) => Task.CompletedTask;
}
