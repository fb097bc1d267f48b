namespace PinCovisor.Web.Orders;

/// <summary>Log events of order numbers (2920–2929). Never a message's text.</summary>
internal static partial class OrdersLog
{
    [LoggerMessage(2920, LogLevel.Warning, "Looking for order numbers in a text of {Length} characters timed out (Orders:MatchTimeout); {Found} marked")]
    public static partial void MatchTimedOut(ILogger logger, int length, int found);
}
