namespace PhoneBridge.Twilio;

/// <summary>
/// The Twilio account settings, bound from the "Twilio" configuration section by
/// <see cref="TwilioExtensions.AddTwilio"/>.
/// </summary>
public sealed class TwilioOptions
{
    /// <summary>The configuration section these options are bound from.</summary>
    public const string SectionName = "Twilio";

    /// <summary>
    /// The account's auth token: the key Twilio signs webhooks with, and the password of the REST
    /// API. Required. Treat it as a secret: it never appears in logs.
    /// </summary>
    public string AuthToken { get; set; } = string.Empty;

    /// <summary>The account SID (<c>AC…</c>), used as the REST API user name. Optional for webhooks alone.</summary>
    public string? AccountSid { get; set; }

    /// <summary>
    /// The public base URL Twilio calls (e.g. <c>https://shop.example/phone</c>) when the address
    /// this server sees differs from it in a way forwarded headers cannot express, such as a path
    /// prefix the proxy strips. Signed URLs are then this value followed by the raw request target.
    /// Absolute http or https; a trailing '/' is removed.
    /// </summary>
    public string? BaseUrlOverride { get; set; }

    /// <summary>
    /// Where Twilio's REST API is reached: scheme, host, optional port and path prefix, without a
    /// query. Requests the SDK addresses to <c>https://api.twilio.com</c> (or a regional
    /// <c>api.*.twilio.com</c>) are sent here with their path and query kept, so a simulator or a
    /// test server can stand in for Twilio. A trailing '/' is removed.
    /// </summary>
    public string ApiBaseUrl { get; set; } = DefaultApiBaseUrl;

    /// <summary>The longest one REST request may take before it counts as failed (and, if it may be, is retried).</summary>
    public TimeSpan ApiAttemptTimeout { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>The longest one REST call may take, retries included.</summary>
    public TimeSpan ApiTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Twilio's own REST API, the default of <see cref="ApiBaseUrl"/>.</summary>
    public const string DefaultApiBaseUrl = "https://api.twilio.com";
}
