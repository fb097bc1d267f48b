using PhoneBridge.Pins;

namespace PinCovisor.Web.Insight;

/// <summary>
/// PhoneBridge's PIN store, with the insight counters told when a call gets its PIN and when a
/// caller's PIN is redeemed. PhoneBridge knows nothing of the counters; the web host wraps its store.
/// </summary>
internal sealed class InsightPinStore(IPinStore inner, InsightCounters counters) : IPinStore
{
    public async Task<IssuedPin?> IssueAsync(string callSid, CancellationToken cancellationToken = default)
    {
        var issued = await inner.IssueAsync(callSid, cancellationToken).ConfigureAwait(false);
        if (issued is not null)
        {
            // Not awaited: the IVR gives Redis a short budget (Ivr:StateTimeout) before it routes the
            // call without a PIN, and the count must not spend it. Failures are logged inside.
            _ = counters.PinIssuedAsync(callSid, CancellationToken.None);
        }

        return issued;
    }

    public async Task<string?> RedeemAsync(string pin, CancellationToken cancellationToken = default)
    {
        var callSid = await inner.RedeemAsync(pin, cancellationToken).ConfigureAwait(false);
        if (callSid is not null)
        {
            // The PIN is spent whatever the caller's browser does next: the count must not wait on it.
            await counters.PinTypedAsync(callSid, CancellationToken.None).ConfigureAwait(false);
        }

        return callSid;
    }

    public Task<IssuedPin?> FindByCallAsync(string callSid, CancellationToken cancellationToken = default) =>
        inner.FindByCallAsync(callSid, cancellationToken);

    public Task<string?> FindCallByPinAsync(string pin, CancellationToken cancellationToken = default) =>
        inner.FindCallByPinAsync(pin, cancellationToken);

    public Task<IssuedPin?> ReissueAsync(string callSid, CancellationToken cancellationToken = default) =>
        inner.ReissueAsync(callSid, cancellationToken);

    public Task RevokeAsync(string callSid, CancellationToken cancellationToken = default) => inner.RevokeAsync(callSid, cancellationToken);
}
