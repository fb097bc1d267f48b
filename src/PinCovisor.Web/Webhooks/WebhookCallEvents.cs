using PhoneBridge.Calls;

namespace PinCovisor.Web.Webhooks;

/// <summary>Wraps the host's <see cref="ICallEvents"/>: a call reaching the IVR is published as <c>call.started</c>, once per call.</summary>
internal sealed class WebhookCallEvents(ICallEvents inner, ShopEvents events) : ICallEvents
{
    public async Task CallStartedAsync(CallRecord call, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(call);
        await events.PublishAsync(WebhookEventTypes.CallStarted, new CallStartedData(call.CallSid, call.MaskedFrom, call.StartedAt),
            onceFor: call.CallSid, cancellationToken).ConfigureAwait(false);
        await inner.CallStartedAsync(call, cancellationToken).ConfigureAwait(false);
    }

    public Task CallStatusChangedAsync(CallRecord call, CancellationToken cancellationToken = default) =>
        inner.CallStatusChangedAsync(call, cancellationToken);

    public Task AgentAnsweredAsync(CallRecord call, CancellationToken cancellationToken = default) =>
        inner.AgentAnsweredAsync(call, cancellationToken);
}
