namespace PinCovisor.Web.Orders;

/// <summary>Log events of order numbers and the order source (2920–2929). Never a message's text, never the source's header.</summary>
internal static partial class OrdersLog
{
    [LoggerMessage(2920, LogLevel.Warning, "Looking for order numbers in a text of {Length} characters timed out (Orders:MatchTimeout); {Found} marked")]
    public static partial void MatchTimedOut(ILogger logger, int length, int found);

    [LoggerMessage(2921, LogLevel.Warning, "The order source did not answer within {Timeout} (Orders:Source:Timeout)")]
    public static partial void SourceTimedOut(ILogger logger, TimeSpan timeout);

    [LoggerMessage(2922, LogLevel.Warning, "The order source cannot be reached: {Reason}")]
    public static partial void SourceUnreachable(ILogger logger, string reason);

    [LoggerMessage(2923, LogLevel.Warning, "The order source answered {Status}, neither 200 nor 404")]
    public static partial void SourceRefused(ILogger logger, int status);

    [LoggerMessage(2924, LogLevel.Warning, "The order source's answer is not a usable order: {Reason}")]
    public static partial void SourceMalformed(ILogger logger, string reason);

    [LoggerMessage(2925, LogLevel.Information, "{Orders} orders read from {Path} (Orders:Source:Path)")]
    public static partial void FileLoaded(ILogger logger, int orders, string path);

    [LoggerMessage(2926, LogLevel.Information, "Session {SessionId}: the order number its caller keyed is in the session ({Outcome})")]
    public static partial void KeyedOrderAttached(ILogger logger, string sessionId, string outcome);

    [LoggerMessage(2927, LogLevel.Warning, "Session {SessionId}: the order number its caller keyed could not be brought in ({Error})")]
    public static partial void KeyedOrderNotAttached(ILogger logger, string sessionId, string error, Exception exception);

    [LoggerMessage(2928, LogLevel.Information, "Session {SessionId}: an order shared with the customer as a {Form}")]
    public static partial void OrderShared(ILogger logger, string sessionId, string form);
}
