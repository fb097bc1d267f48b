using Microsoft.Extensions.Options;
using PhoneBridge.Twilio;
using PhoneBridge.Twilio.Messaging;

namespace PinCovisor.Web.Conversations;

/// <summary>
/// Where an escalation link points: the shop's join page, found as the IVR's text with the PIN finds
/// it (<c>Sms:JoinUrl</c>, else <c>Twilio:BaseUrlOverride</c> + <c>/join</c>, else this request's
/// origin + <c>/join</c>, which the forwarded-headers middleware has set from trusted proxies only).
/// </summary>
internal sealed class InviteLinks(IOptions<SmsOptions> sms, IOptions<TwilioOptions> twilio)
{
    public Uri For(HttpRequest request, string token)
    {
        ArgumentNullException.ThrowIfNull(request);
        var join = sms.Value.JoinUrl is { } configured && !string.IsNullOrWhiteSpace(configured)
            ? configured.Trim()
            : PublicBase(request, twilio.Value) + "/join";
        return new Uri($"{join}{(join.Contains('?', StringComparison.Ordinal) ? '&' : '?')}invite={Uri.EscapeDataString(token)}", UriKind.Absolute);
    }

    /// <summary>Where the world reaches this host: <c>Twilio:BaseUrlOverride</c>, else the request's origin and path base.</summary>
    public static string PublicBase(HttpRequest request, TwilioOptions twilio)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(twilio);
        return string.IsNullOrEmpty(twilio.BaseUrlOverride)
            ? $"{request.Scheme}://{request.Host}{request.PathBase}"
            : twilio.BaseUrlOverride.TrimEnd('/');
    }
}
