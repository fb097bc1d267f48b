using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

using PhoneBridge.Telemetry;
using PhoneBridge.Twilio;
using PhoneBridge.Twilio.Messaging;

using Polly;

namespace PhoneBridge.Twilio.Rest;

/// <summary>Registers the clients of Twilio's REST API: text messages and call control.</summary>
internal static class TwilioRestRegistration
{
    /// <summary>
    /// Adds <see cref="ITwilioMessages"/>, <see cref="ITwilioCalls"/> and <see cref="ITwilioMedia"/>, all calling the official
    /// SDK with a <c>TwilioRestClient</c> made per use over the "twilio" HttpClient, with the account of
    /// <c>Twilio:AccountSid</c> and <c>Twilio:AuthToken</c> (without an account SID every call fails
    /// as not configured). The HttpClient sends the SDK's requests to <c>Twilio:ApiBaseUrl</c> and
    /// retries by one rule: reads on any transient failure, a POST only when it provably never
    /// reached Twilio (the connection could not be opened) or Twilio answered 429. A POST answered
    /// 5xx, dropped mid-way or timed out is never sent again: it could text the caller twice or
    /// place a second call. Each attempt is bounded by <c>Twilio:ApiAttemptTimeout</c>, the whole
    /// call by <c>Twilio:ApiTimeout</c>. Part of <see cref="TwilioExtensions.AddTwilio"/>.
    /// </summary>
    /// <param name="services">The application's services.</param>
    internal static void Register(IServiceCollection services)
    {
        services.AddOptions<SmsOptions>()
            .BindConfiguration(SmsOptions.SectionName)
            .Validate(o => o.MaxPerCall >= 0, "Sms:MaxPerCall must not be negative")
            .Validate(o => o.Timeout > TimeSpan.Zero, "Sms:Timeout must be positive")
            .Validate(o => string.IsNullOrEmpty(o.JoinUrl) || Uri.TryCreate(o.JoinUrl, UriKind.Absolute, out _),
                "Sms:JoinUrl must be an absolute URL")
            .ValidateOnStart();

        services.TryAddTransient<TwilioApiBaseHandler>();
        services.AddHttpClient(TwilioRest.HttpClientName, http => http.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false })
            .AddHttpMessageHandler<TwilioApiBaseHandler>()
            .AddResilienceHandler("twilio", static (pipeline, context) =>
            {
                var twilio = context.ServiceProvider.GetRequiredService<IOptions<TwilioOptions>>().Value;
                var logger = context.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger<TwilioRest>();
                pipeline.AddTimeout(twilio.ApiTimeout);
                pipeline.AddRetry(new HttpRetryStrategyOptions
                {
                    MaxRetryAttempts = 2,
                    Delay = TimeSpan.FromMilliseconds(200),
                    BackoffType = DelayBackoffType.Exponential,
                    UseJitter = true,
                    ShouldHandle = args => ValueTask.FromResult(
                        args.Context.GetRequestMessage() is { } request && TwilioRetryRule.ShouldRetry(request.Method, args.Outcome)),
                    OnRetry = args =>
                    {
                        TwilioRestLog.Retrying(logger, args.Context.GetRequestMessage()?.Method.Method ?? "request", args.AttemptNumber + 1,
                            args.Outcome.Result is { } response ? $"status {(int)response.StatusCode}" : args.Outcome.Exception?.GetType().Name ?? "failure");
                        return default;
                    },
                });
                pipeline.AddTimeout(twilio.ApiAttemptTimeout);
            });

        services.TryAddSingleton<TwilioRest>();
        services.AddPhoneBridgeMetrics();
        services.TryAddSingleton<ITwilioMessages, TwilioMessagesClient>();
        services.TryAddSingleton<ITwilioCalls, TwilioCalls>();
        services.AddHttpClient(TwilioMediaClient.CdnClientName)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false });
        services.TryAddSingleton<ITwilioMedia, TwilioMediaClient>();
    }
}
