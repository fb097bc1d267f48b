using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using PhoneBridge.Telemetry;
using PhoneBridge.Twilio.Rest;

namespace PhoneBridge.Twilio;

/// <summary>Registers the Twilio webhook protocol (options and request validation) and the clients of Twilio's REST API.</summary>
internal static class TwilioExtensions
{
    /// <summary>
    /// Binds <see cref="TwilioOptions"/> to the "Twilio" section and validates it when the host
    /// starts: <c>Twilio:AuthToken</c> is required, <c>Twilio:BaseUrlOverride</c> and
    /// <c>Twilio:ApiBaseUrl</c> must be absolute http(s) URLs, <c>Twilio:ApiAttemptTimeout</c> positive and
    /// at most <c>Twilio:ApiTimeout</c>. Endpoints opt in to signature
    /// checks with <c>.ValidateTwilioRequest()</c>.
    /// </summary>
    /// <remarks>The REST clients: see <see cref="TwilioRestRegistration.Register"/>.</remarks>
    internal static IHostApplicationBuilder AddTwilio(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<TwilioOptions>()
            .BindConfiguration(TwilioOptions.SectionName)
            .PostConfigure(static options =>
            {
                // "https://shop.example/" and "https://shop.example" must build the same URLs.
                options.BaseUrlOverride = string.IsNullOrWhiteSpace(options.BaseUrlOverride) ? null : options.BaseUrlOverride.Trim().TrimEnd('/');
                options.ApiBaseUrl = options.ApiBaseUrl?.Trim().TrimEnd('/') ?? string.Empty;
            })
            .Validate(static options => !string.IsNullOrEmpty(options.AuthToken), "Twilio:AuthToken is required")
            .Validate(static options => options.BaseUrlOverride is null || IsAbsoluteHttpUrl(options.BaseUrlOverride),
                "Twilio:BaseUrlOverride must be an absolute http or https URL, e.g. https://shop.example/phone")
            .Validate(static options => IsAbsoluteHttpUrl(options.ApiBaseUrl) && !options.ApiBaseUrl.Contains('?', StringComparison.Ordinal)
                    && !options.ApiBaseUrl.Contains('#', StringComparison.Ordinal),
                "Twilio:ApiBaseUrl must be an absolute http or https URL without a query, e.g. https://api.twilio.com")
            .Validate(static options => options.ApiAttemptTimeout > TimeSpan.Zero && options.ApiAttemptTimeout <= options.ApiTimeout,
                "Twilio:ApiAttemptTimeout must be positive and at most Twilio:ApiTimeout")
            .ValidateOnStart();
        services.AddPhoneBridgeMetrics();
        TwilioRestRegistration.Register(services);
        return builder;
    }

    private static bool IsAbsoluteHttpUrl(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out Uri? uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);
}
