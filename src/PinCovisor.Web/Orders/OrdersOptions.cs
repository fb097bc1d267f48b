namespace PinCovisor.Web.Orders;

/// <summary>The shop's order numbers (section <c>Orders</c>).</summary>
public sealed class OrdersOptions
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "Orders";

    /// <summary>
    /// A .NET regular expression for one order number, run with <c>RegexOptions.NonBacktracking</c>
    /// (no backreferences, lookarounds or atomic groups) and culture-invariant; empty: no order numbers
    /// are looked for. Default: two capital letters, an optional hyphen and six digits (<c>AB-123456</c>).
    /// </summary>
    public string? NumberPattern { get; set; } = @"\b[A-Z]{2}-?\d{6}\b";

    /// <summary>The longest one search of a message's text may take; past it the message is marked with what was found by then.</summary>
    public TimeSpan MatchTimeout { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Where orders are looked up (<c>Orders:Source</c>); by default nowhere.</summary>
    public OrderSourceOptions Source { get; set; } = new();
}
