using System.Globalization;
using System.Text.Json;
using PinCovisor.Web.Catalog;

namespace PinCovisor.Web.Orders;

/// <summary>
/// Reads the orders of a local file: a <c>.json</c> array of orders (the model of docs/orders.md), or
/// a <c>.csv</c> with a header and one row per item, the order's columns repeated on each of its rows.
/// </summary>
internal static class OrderFile
{
    private static readonly string[] Required = ["number", "status", "currency", "title", "quantity"];

    /// <summary>The orders by number.</summary>
    /// <exception cref="FormatException">Not a usable JSON or CSV file of orders.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static Dictionary<string, Order> Read(string path)
    {
        var text = File.ReadAllText(path).TrimStart('\uFEFF');
        var orders = Path.GetExtension(path).ToUpperInvariant() switch
        {
            ".JSON" => FromJson(text),
            ".CSV" => FromCsv(text),
            _ => throw new FormatException("the file must be .json or .csv"),
        };
        var byNumber = new Dictionary<string, Order>(StringComparer.Ordinal);
        foreach (var order in orders)
        {
            if (!order.IsComplete)
            {
                throw new FormatException($"order {order.Number} lacks number, status, currency or items (each with a title and a quantity of at least 1)");
            }

            if (!byNumber.TryAdd(order.Number, order))
            {
                throw new FormatException($"order {order.Number} appears twice");
            }
        }

        return byNumber;
    }

    private static List<Order> FromJson(string text)
    {
        try
        {
            return JsonSerializer.Deserialize<List<Order>>(text, HttpOrderSource.Json)
                ?? throw new FormatException("the file holds null, not an array of orders");
        }
        catch (JsonException e)
        {
            throw new FormatException(e.Message, e);
        }
    }

    private static List<Order> FromCsv(string text)
    {
        var rows = CsvTable.Parse(text);
        if (rows.Count == 0)
        {
            throw new FormatException("the CSV file is empty");
        }

        var columns = rows[0].Select((name, index) => (name: name.Trim().ToLowerInvariant(), index))
            .GroupBy(c => c.name).ToDictionary(g => g.Key, g => g.First().index);
        if (Required.FirstOrDefault(c => !columns.ContainsKey(c)) is { } missing)
        {
            throw new FormatException($"the CSV header has no {missing} column");
        }

        var orders = new List<Order>();
        var items = new Dictionary<string, List<OrderItem>>(StringComparer.Ordinal);
        foreach (var (row, line) in rows.Skip(1).Select((row, i) => (row, i + 2)))
        {
            string? Cell(string column) =>
                columns.TryGetValue(column, out var i) && i < row.Length && row[i].Trim() is { Length: > 0 } value ? value : null;

            var number = Cell("number") ?? throw new FormatException($"line {line} has no number");
            if (!items.TryGetValue(number, out var lines))
            {
                lines = [];
                items[number] = lines;
                orders.Add(new Order(number, Cell("status")!, Parse(Cell("placedat"), DateTimeOffset.Parse, line),
                    Parse(Cell("deliverydate"), DateOnly.Parse, line), Cell("currency")!, Parse(Cell("total"), decimal.Parse, line), lines));
            }

            lines.Add(new OrderItem(Cell("sku"), Cell("title")!, Parse(Cell("quantity"), int.Parse, line) ?? 0, Parse(Cell("price"), decimal.Parse, line)));
        }

        return orders;
    }

    private static T? Parse<T>(string? cell, Func<string, IFormatProvider, T> parse, int line) where T : struct
    {
        if (cell is null)
        {
            return null;
        }

        try
        {
            return parse(cell, CultureInfo.InvariantCulture);
        }
        catch (FormatException)
        {
            throw new FormatException($"line {line}: \"{cell}\" is not a {typeof(T).Name} (invariant culture)");
        }
    }
}
