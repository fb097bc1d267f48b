using PhoneBridge.Twilio;
using PinCovisor.Web.Hub;

namespace PinCovisor.Web.Demo;

/// <summary>
/// Signs the phone simulator's requests exactly as Twilio signs its webhooks, for URLs of this
/// host's <c>/twilio/</c> endpoints only: the demo must not become a signing service for anything else.
/// </summary>
internal static class SimulatorSigner
{
    private const int MaxParams = 64;
    private const int MaxValueLength = 2048;

    /// <summary>
    /// The signed request, or why it is refused. The URLs signed start with <c>Twilio:BaseUrlOverride</c>,
    /// else with <paramref name="demoOrigin"/> (configuration, never the request's <c>Host</c>), as
    /// the webhook validator rebuilds them.
    /// </summary>
    public static (SignResponse? Signed, string? Refusal) Sign(HttpRequest request, TwilioOptions twilio, string? demoOrigin, SignRequest input)
    {
        if (string.IsNullOrWhiteSpace(input.Url) || input.Url.Length > MaxValueLength)
        {
            return (null, "Give the url to sign.");
        }

        var parameters = input.Params ?? [];
        if (parameters.Count > MaxParams || parameters.Any(p => p.Key.Length > 128 || (p.Value?.Length ?? 0) > MaxValueLength))
        {
            return (null, $"At most {MaxParams} parameters of at most {MaxValueLength} characters.");
        }

        // Without an override the validator rebuilds the URL from the request it gets, so a page
        // opened at another origin would post requests that never validate: say where to open it.
        var origin = twilio.BaseUrlOverride ?? demoOrigin;
        if (origin is null)
        {
            return (null, "The simulator does not know this host's address; set Demo:Origin.");
        }

        if (twilio.BaseUrlOverride is null && OriginCheck.Normalise($"{request.Scheme}://{request.Host}") != origin)
        {
            return (null, $"The phone simulator signs for {origin} only (Demo:Origin): open it at {origin}/demo/phone.");
        }

        var isPath = input.Url.StartsWith('/') && !input.Url.StartsWith("//", StringComparison.Ordinal);
        var url = isPath ? origin + request.PathBase + input.Url : input.Url;
        if (!url.StartsWith(origin + "/", StringComparison.OrdinalIgnoreCase))
        {
            return (null, "Only this host's /twilio/ webhooks are signed.");
        }

        // The request target, as the browser will send it to this host and the validator rebuild it.
        var path = url[origin.Length..];
        var local = path.StartsWith(request.PathBase + "/", StringComparison.Ordinal) ? path[(request.PathBase.Value ?? "").Length..] : path;
        if (!local.StartsWith("/twilio/", StringComparison.Ordinal) || local.Contains("/../", StringComparison.Ordinal)
            || local.Contains('#', StringComparison.Ordinal) || local.Contains('\\', StringComparison.Ordinal))
        {
            return (null, "Only this host's /twilio/ webhooks are signed.");
        }

        var signature = TwilioSignature.Compute(twilio.AuthToken, url,
            parameters.Select(p => new KeyValuePair<string, string>(p.Key, p.Value ?? "")));
        return (new SignResponse(url, path, signature), null);
    }
}
