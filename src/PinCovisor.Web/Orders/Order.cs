namespace PinCovisor.Web.Orders;

/// <summary>One of the shop's orders, as the console's order card shows it (docs/orders.md).</summary>
/// <param name="Number">The order number.</param>
/// <param name="Status">The shop's own words for its state (e.g. "Enviado").</param>
/// <param name="PlacedAt">When it was placed.</param>
/// <param name="DeliveryDate">The expected or actual delivery day.</param>
/// <param name="Currency">ISO 4217 code of the prices.</param>
/// <param name="Total">What the customer pays.</param>
/// <param name="Items">What was ordered.</param>
public sealed record Order(
    string Number,
    string Status,
    DateTimeOffset? PlacedAt,
    DateOnly? DeliveryDate,
    string Currency,
    decimal? Total,
    IReadOnlyList<OrderItem> Items)
{
    /// <summary>True when the fields the card needs are there.</summary>
    public bool IsComplete =>
        !string.IsNullOrWhiteSpace(Number) && !string.IsNullOrWhiteSpace(Status) && !string.IsNullOrWhiteSpace(Currency)
        && Items is not null && Items.All(i => i is not null && !string.IsNullOrWhiteSpace(i.Title) && i.Quantity > 0);
}

/// <summary>One line of an order.</summary>
/// <param name="Sku">The shop's product code.</param>
/// <param name="Title">The product's name.</param>
/// <param name="Quantity">How many, at least 1.</param>
/// <param name="Price">The price of one.</param>
public sealed record OrderItem(string? Sku, string Title, int Quantity, decimal? Price);
