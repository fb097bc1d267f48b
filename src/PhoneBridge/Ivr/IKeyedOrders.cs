namespace PhoneBridge.Ivr;

/// <summary>
/// Order numbers callers key in the IVR (<see cref="IvrOrderOptions"/>). The web host implements it
/// with the shop's order source; PhoneBridge registers <see cref="NoKeyedOrders"/> so it runs without one.
/// </summary>
public interface IKeyedOrders
{
    /// <summary>
    /// Whether the shop knows <paramref name="number"/>. The IVR cancels it after
    /// <see cref="IvrOrderOptions.CheckTimeout"/> and then takes the number unchecked.
    /// </summary>
    Task<KeyedOrderCheck> CheckAsync(string number, CancellationToken cancellationToken = default);

    /// <summary>
    /// The caller on <paramref name="callSid"/> keyed <paramref name="number"/> (known to the shop, or
    /// not checked): it belongs in the call's session, now or once the session opens. Told at most
    /// once per webhook; a retried webhook may tell it again, which must change nothing.
    /// </summary>
    Task KeyedAsync(string callSid, string number, CancellationToken cancellationToken = default);
}

/// <summary>What the shop said of a keyed number.</summary>
public enum KeyedOrderCheck
{
    /// <summary>The shop has the order.</summary>
    Found,

    /// <summary>The shop does not know the number (or it is not one of the shop's numbers): the caller is asked again.</summary>
    NotFound,

    /// <summary>Nothing could say (no source, no answer in time): the number is taken as keyed.</summary>
    Unchecked,
}

/// <summary>No order source: every number is taken unchecked, and goes nowhere.</summary>
internal sealed class NoKeyedOrders : IKeyedOrders
{
    public Task<KeyedOrderCheck> CheckAsync(string number, CancellationToken cancellationToken = default) =>
        Task.FromResult(KeyedOrderCheck.Unchecked);

    public Task KeyedAsync(string callSid, string number, CancellationToken cancellationToken = default) => Task.CompletedTask;
}
