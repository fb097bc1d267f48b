using PinCovisor.Web.Auth;

namespace PinCovisor.Web.Hub;

/// <summary>
/// <see cref="IRevocationNotifier"/> of the hub: a dead credential becomes a message on the control
/// channel, and every host cuts its connections opened with it (<see cref="HubControl.ApplyAsync"/>).
/// </summary>
internal sealed class HubRevocationNotifier(HubControl control) : IRevocationNotifier
{
    public Task TokenRevokedAsync(string tokenId, CancellationToken cancellationToken = default) =>
        control.PublishAsync(ControlMessage.ForToken(tokenId));

    public Task AgentDisabledAsync(string username, CancellationToken cancellationToken = default) =>
        control.PublishAsync(ControlMessage.ForAgent(username));
}
