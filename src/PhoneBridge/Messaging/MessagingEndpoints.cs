using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using PhoneBridge.Telemetry;
using PhoneBridge.Twilio;
using Twilio.TwiML;

namespace PhoneBridge.Messaging;

/// <summary>Wiring of customer messages: the <c>Messaging</c> options, <c>POST /twilio/messaging</c> and <c>POST /twilio/messaging/status</c>.</summary>
internal static class MessagingEndpoints
{
    public static IServiceCollection AddMessaging(this IServiceCollection services)
    {
        services.AddOptions<MessagingOptions>()
            .BindConfiguration(MessagingOptions.SectionName)
            .Validate(o => string.IsNullOrWhiteSpace(o.WhatsAppFrom)
                    || (MessagingAddress.TryParse(o.WhatsAppFrom, out var channel, out _) && channel == MessageChannel.WhatsApp),
                "Messaging:WhatsAppFrom must be whatsapp: followed by a number in E.164 (whatsapp:+34910000000), or empty")
            .Validate(o => string.IsNullOrWhiteSpace(o.SmsFrom) || MessagingAddress.IsE164(o.SmsFrom.Trim()),
                "Messaging:SmsFrom must be a number in E.164 (+34910000000), or empty")
            .Validate(o => o.LastAgentMemory > TimeSpan.Zero, "Messaging:LastAgentMemory must be positive")
            .ValidateOnStart();
        services.TryAddSingleton<IInboundMessages, NoInboundMessages>();
        services.TryAddSingleton<IMessageStatuses, NoMessageStatuses>();
        return services;
    }

    /// <summary>Maps <c>POST /twilio/messaging</c> and <c>POST /twilio/messaging/status</c> on the signed <c>/twilio</c> group.</summary>
    public static RouteGroupBuilder MapMessaging(this RouteGroupBuilder twilio)
    {
        twilio.MapPost("/messaging", ReceiveAsync);
        twilio.MapPost("/messaging/status", MessageStatusCallback.ReportAsync);
        return twilio;
    }

    /// <summary>
    /// Always 200 with a <c>MessagingResponse</c> for what Twilio sent, usable or not (anything else
    /// is an error in Twilio's debugger and brings nothing better); 503 only when a usable message could not
    /// be stored, so Twilio's fallback URL or retry can deliver it again.
    /// </summary>
    private static async Task<IResult> ReceiveAsync(
        HttpRequest request, IInboundMessages inbox, PhoneBridgeMetrics metrics, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var logger = loggers.CreateLogger(typeof(MessagingEndpoints));
        var form = request.HasFormContentType
            ? await request.ReadFormAsync(cancellationToken).ConfigureAwait(false)
            : FormCollection.Empty;
        var (message, unusable) = MessagingWebhook.Read(form);
        var response = new MessagingResponse();
        if (message is null)
        {
            MessagingLog.Unusable(logger, unusable!);
            metrics.Inbound("unknown", "unusable");
            return new TwiMLResult(response);
        }

        MessagingLog.Received(logger, message.MessageSid, message.Channel, message.Media.Count);
        var channel = message.Channel == MessageChannel.WhatsApp ? "whatsapp" : "sms";
        string? reply;
        try
        {
            reply = await inbox.ReceiveAsync(message, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            MessagingLog.NotStored(logger, exception, message.MessageSid);
            metrics.Inbound(channel, "failed");
            return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
        }

        metrics.Inbound(channel, "stored");

        if (!string.IsNullOrEmpty(reply))
        {
            response.Message(reply);
        }

        return new TwiMLResult(response);
    }
}
