using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using PhoneBridge.Twilio;

namespace PhoneBridge.Ivr;

/// <summary>
/// Absolute URLs of the IVR's own steps, written into TwiML. Absolute because Twilio resolves a
/// relative one against the current document, which breaks behind a proxy that adds a path
/// prefix; and Twilio signs exactly the URL it was given, which the validator then rebuilds.
/// </summary>
internal sealed class IvrUrls(IOptions<TwilioOptions> twilio)
{
    public const string Voice = "/twilio/voice";
    public const string Menu = "/twilio/voice/menu";
    public const string Order = "/twilio/voice/order";
    public const string Route = "/twilio/voice/route";
    public const string DialResult = "/twilio/voice/dial-result";
    public const string Whisper = "/twilio/voice/whisper";
    public const string WhisperAsk = "/twilio/voice/whisper/ask";
    public const string WhisperAccept = "/twilio/voice/whisper/accept";
    public const string Agent = "/twilio/voice/agent";
    public const string AgentCode = "/twilio/voice/agent/code";
    public const string Dequeued = "/twilio/voice/dequeued";
    public const string TransferResult = "/twilio/voice/transfer-result";
    public const string Status = "/twilio/status";

    /// <summary>The public base the shop's site lives at: the configured override, else this request's origin.</summary>
    public string Base(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var configured = twilio.Value.BaseUrlOverride;
        return string.IsNullOrEmpty(configured)
            ? $"{request.Scheme}://{request.Host}{request.PathBase}"
            : configured.TrimEnd('/');
    }

    public Uri For(HttpRequest request, string path) => new(Base(request) + path, UriKind.Absolute);

    public Uri For(HttpRequest request, string path, string name, int value) =>
        new($"{Base(request)}{path}?{name}={value.ToString(CultureInfo.InvariantCulture)}", UriKind.Absolute);

    /// <summary>With a query of escaped name=value pairs, in the order given (Twilio signs the URL exactly as written).</summary>
    public Uri For(HttpRequest request, string path, params (string Name, string Value)[] query) =>
        new($"{Base(request)}{path}?{string.Join('&', query.Select(q => $"{q.Name}={Uri.EscapeDataString(q.Value)}"))}", UriKind.Absolute);
}
