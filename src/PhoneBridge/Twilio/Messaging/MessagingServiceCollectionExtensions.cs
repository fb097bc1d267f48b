using System.Net;
using Microsoft.Extensions.Http.Resilience;
using Polly;
using PhoneBridge.Twilio.Messaging;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the Twilio Messages client.</summary>
public static class MessagingServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="ITwilioMessages"/> with a resilience pipeline that retries only what cannot
    /// have sent a message (connection failures, 429, 503): retrying a POST after any other error
    /// could text the caller twice.
    /// </summary>
    public static IServiceCollection AddTwilioMessages(this IServiceCollection services)
    {
        services.AddOptions<SmsOptions>()
            .BindConfiguration(SmsOptions.SectionName)
            .Validate(o => o.MaxPerCall >= 0, "Sms:MaxPerCall must not be negative")
            .Validate(o => o.Timeout > TimeSpan.Zero, "Sms:Timeout must be positive")
            .Validate(o => string.IsNullOrEmpty(o.JoinUrl) || Uri.TryCreate(o.JoinUrl, UriKind.Absolute, out _),
                "Sms:JoinUrl must be an absolute URL")
            .ValidateOnStart();

        services.AddHttpClient<ITwilioMessages, TwilioMessagesClient>()
            .AddResilienceHandler("twilio-messages", pipeline =>
            {
                pipeline.AddRetry(new HttpRetryStrategyOptions
                {
                    MaxRetryAttempts = 2,
                    Delay = TimeSpan.FromMilliseconds(200),
                    BackoffType = DelayBackoffType.Exponential,
                    ShouldHandle = args => ValueTask.FromResult(
                        args.Outcome.Exception is HttpRequestException
                        || args.Outcome.Result?.StatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable),
                });
                pipeline.AddTimeout(TimeSpan.FromSeconds(2));
            });
        return services;
    }
}
