namespace PinCovisor.Web.Orders;

/// <summary>Finds one order by its number at the shop's order source.</summary>
internal interface IOrderSource
{
    /// <summary>The order, or why there is none.</summary>
    Task<OrderLookup> FindAsync(string number, CancellationToken cancellationToken = default);
}

/// <summary>What a lookup found: an order, no such order, or a source that did not answer usably.</summary>
internal sealed record OrderLookup(OrderLookupOutcome Outcome, Order? Order = null)
{
    public static readonly OrderLookup NotFound = new(OrderLookupOutcome.NotFound);

    public static readonly OrderLookup Unavailable = new(OrderLookupOutcome.Unavailable);

    public static OrderLookup Found(Order order) => new(OrderLookupOutcome.Found, order);
}

/// <summary>The outcomes of a lookup.</summary>
internal enum OrderLookupOutcome
{
    Found,
    NotFound,
    Unavailable,
}
