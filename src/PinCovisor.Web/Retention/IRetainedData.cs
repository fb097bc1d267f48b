namespace PinCovisor.Web.Retention;

/// <summary>
/// A store of customer data that retention and erasure reach beyond what lives in a session's own
/// keys: register one (<c>services.AddSingleton&lt;IRetainedData, …&gt;()</c>) and the sweep purges it
/// by its class's days, and <c>DELETE /api/customers/{phone}</c> erases it with the number's sessions.
/// Keys under a session's hash tag need none: erasing a session removes every key in its slot.
/// </summary>
public interface IRetainedData
{
    /// <summary>The data class (<see cref="RetainedClass"/>) whose <c>Retention</c> days apply, e.g. <c>csat</c>.</summary>
    string DataClass { get; }

    /// <summary>Removes up to <paramref name="max"/> items older than <paramref name="cutoff"/>; returns how many it removed.</summary>
    Task<long> PurgeOlderThanAsync(DateTimeOffset cutoff, int max, CancellationToken cancellationToken = default);

    /// <summary>Removes everything about these sessions (including aggregates' share of them, where it can); returns how many items it removed.</summary>
    Task<long> EraseForSessionsAsync(IReadOnlyCollection<string> sessionIds, CancellationToken cancellationToken = default);
}
