namespace PinCovisor.Web.Webhooks;

/// <summary>Log events of the outbound webhooks (3000–3019). Never a secret, never a message's body.</summary>
internal static partial class WebhooksLog
{
    [LoggerMessage(3000, LogLevel.Debug, "{Type} {WebhookId} queued for {Endpoints} endpoint(s)")]
    public static partial void Queued(ILogger logger, string type, string webhookId, int endpoints);

    [LoggerMessage(3001, LogLevel.Error, "{Type} {WebhookId} could not be queued; the shop's systems will not hear of it")]
    public static partial void NotQueued(ILogger logger, Exception exception, string type, string webhookId);

    [LoggerMessage(3002, LogLevel.Information, "{Type} {WebhookId} delivered to {Endpoint} at attempt {Attempt} ({Status})")]
    public static partial void Delivered(ILogger logger, string type, string webhookId, string endpoint, int attempt, int status);

    [LoggerMessage(3003, LogLevel.Information, "{Type} {WebhookId} not delivered to {Endpoint} at attempt {Attempt}: {Error}; next attempt in {Delay}")]
    public static partial void Retrying(ILogger logger, string type, string webhookId, string endpoint, int attempt, string error, TimeSpan delay);

    [LoggerMessage(3004, LogLevel.Warning, "{Type} {WebhookId} not delivered to {Endpoint} after {Attempts} attempt(s): {Error}; it is a dead letter ({DeliveryId})")]
    public static partial void DeadLettered(ILogger logger, string type, string webhookId, string endpoint, int attempts, string error, string deliveryId);

    [LoggerMessage(3005, LogLevel.Warning, "{Dropped} oldest dead letter(s) dropped to keep Webhooks:MaxDeadLetters ({Cap})")]
    public static partial void DeadLettersDropped(ILogger logger, long dropped, int cap);

    [LoggerMessage(3006, LogLevel.Warning, "Looking for webhook deliveries due failed; trying again in {Interval}")]
    public static partial void PollFailed(ILogger logger, Exception exception, TimeSpan interval);

    [LoggerMessage(3007, LogLevel.Information, "Delivery {DeliveryId} was leased past its lease's end; another host has it now")]
    public static partial void LeaseLost(ILogger logger, string deliveryId);

    [LoggerMessage(3008, LogLevel.Information, "Dead letter {DeliveryId} queued again by {Admin}")]
    public static partial void Revived(ILogger logger, string deliveryId, string admin);

    [LoggerMessage(3009, LogLevel.Information, "Dead letter {DeliveryId} deleted by {Admin}")]
    public static partial void Discarded(ILogger logger, string deliveryId, string admin);
}
