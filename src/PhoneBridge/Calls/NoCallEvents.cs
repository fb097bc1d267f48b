namespace PhoneBridge.Calls;

/// <summary>The default <see cref="ICallEvents"/> until the host registers its own: nobody listens.</summary>
internal sealed class NoCallEvents : ICallEvents
{
    public Task CallStatusChangedAsync(CallRecord call, CancellationToken cancellationToken = default) => Task.CompletedTask;

    public Task AgentAnsweredAsync(CallRecord call, CancellationToken cancellationToken = default) => Task.CompletedTask;
}
