using System.Globalization;

namespace PinCovisor.Web.Orders;

/// <summary>
/// An order as one short text, for a WhatsApp or SMS customer who has no page to show a card on:
/// "Pedido AB-104200: Enviado. Entrega: 9 dic 2026. 1 × Lámpara de mesa Duna, 1 × Manta de lana Pirineo. Total: 118,90 EUR."
/// </summary>
internal static class OrderSummary
{
    /// <summary>The summary in Spanish, or in English for an <c>en</c> language tag.</summary>
    public static string Text(Order order, string language)
    {
        ArgumentNullException.ThrowIfNull(order);
        var english = language.StartsWith("en", StringComparison.OrdinalIgnoreCase);
        var culture = CultureInfo.GetCultureInfo(english ? "en-GB" : "es-ES");
        var parts = new List<string> { $"{(english ? "Order" : "Pedido")} {order.Number}: {order.Status}." };
        if (order.DeliveryDate is { } day)
        {
            parts.Add($"{(english ? "Delivery" : "Entrega")}: {day.ToString("d MMM yyyy", culture)}.");
        }

        if (order.Items.Count > 0)
        {
            parts.Add(string.Join(", ", order.Items.Select(i => $"{i.Quantity.ToString(culture)} × {i.Title}")) + ".");
        }

        if (order.Total is { } total)
        {
            parts.Add($"Total: {total.ToString("N2", culture)} {order.Currency}.");
        }

        return string.Join(' ', parts);
    }
}
