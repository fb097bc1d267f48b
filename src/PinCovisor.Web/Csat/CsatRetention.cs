using PinCovisor.Web.Retention;

namespace PinCovisor.Web.Csat;

/// <summary>
/// The survey's answers as retention's <c>csat</c> class: the sweep purges answers older than
/// <c>Retention:Csat</c> days, and erasing a customer erases their sessions' answers with their share
/// of the day totals.
/// </summary>
internal sealed class CsatRetention(CsatStore store) : IRetainedData
{
    public string DataClass => RetainedClass.Csat;

    public async Task<long> PurgeOlderThanAsync(DateTimeOffset cutoff, int max, CancellationToken cancellationToken = default) =>
        await store.PurgeOlderThanAsync(cutoff, max, cancellationToken).ConfigureAwait(false);

    public async Task<long> EraseForSessionsAsync(IReadOnlyCollection<string> sessionIds, CancellationToken cancellationToken = default) =>
        await store.EraseAsync(sessionIds, cancellationToken).ConfigureAwait(false);
}
