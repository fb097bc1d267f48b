using System.Text;
using System.Text.Unicode;

using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

using RequestValidator = global::Twilio.Security.RequestValidator;

namespace PhoneBridge.Twilio;

/// <summary>
/// Decides whether a request carries a valid Twilio signature, reading its body without consuming
/// it. The check itself is the SDK's <see cref="RequestValidator"/>; this class gives it the URLs
/// Twilio may have signed (<see cref="TwilioRequestUrl"/>) and the fields exactly as they were sent.
/// </summary>
internal static class TwilioRequestVerifier
{
    // Twilio's webhook bodies are a few kilobytes; anything this large did not come from Twilio.
    private const int MaxBodyBytes = 1024 * 1024;

    /// <summary>Null when the request is from Twilio, otherwise why not.</summary>
    public static async Task<TwilioRejection?> VerifyAsync(HttpRequest request, TwilioOptions options, CancellationToken cancellationToken)
    {
        string? signature = request.Headers["X-Twilio-Signature"];
        if (string.IsNullOrEmpty(signature))
        {
            return TwilioRejection.MissingSignature;
        }

        RequestValidator validator = new(options.AuthToken);
        List<string> urls = TwilioRequestUrl.Candidates(request, options.BaseUrlOverride);
        bool isForm = IsMediaType(request, "application/x-www-form-urlencoded");
        bool isSignedJson = request.HasJsonContentType() && request.Query.ContainsKey("bodySHA256");
        if (!isForm && !isSignedJson)
        {
            // A request without any body (e.g. a webhook configured as GET) is signed over the URL alone.
            return HasBody(request)
                ? TwilioRejection.UnsupportedContent
                : Verdict(IsSigned(validator, signature, urls, []));
        }

        byte[]? body = await ReadRewindableBodyAsync(request, cancellationToken).ConfigureAwait(false);
        if (body is null)
        {
            return TwilioRejection.BodyTooLarge;
        }

        if (isSignedJson)
        {
            return Verdict(IsSignedJson(validator, signature, urls, body));
        }

        // Parsed here rather than through Request.Form, which merges names differing only in case.
        List<KeyValuePair<string, string>> form = FormUrlEncoding.Parse(Encoding.UTF8.GetString(body));
        if (!IsSigned(validator, signature, urls, form))
        {
            return TwilioRejection.InvalidSignature;
        }

        // The endpoint reads the very fields that were signed. ASP.NET's own form reader would
        // parse the body again and throw on some that Twilio signs (a %00 in Digits), turning a
        // genuine webhook into a 500 and the caller's call into "an application error".
        request.HttpContext.Features.Set<IFormFeature>(new FormFeature(ToFormCollection(form)));
        return null;
    }

    /// <summary>True when the validator accepts <paramref name="signature"/> for one of the URLs with these form fields (none for a GET).</summary>
    public static bool IsSigned(RequestValidator validator, string signature, IEnumerable<string> urls, IEnumerable<KeyValuePair<string, string>> form)
    {
        Dictionary<string, string> parameters = TwilioSignature.SignedParameters(form);
        return urls.Any(url => Accepts(() => validator.Validate(url, parameters, signature)));
    }

    /// <summary>
    /// True when the validator accepts <paramref name="signature"/> for one of the URLs, signed
    /// over the URL alone, and the URL's <c>bodySHA256</c> is the SHA-256 of <paramref name="body"/>.
    /// </summary>
    public static bool IsSignedJson(RequestValidator validator, string signature, IEnumerable<string> urls, byte[] body)
    {
        // The validator hashes the body string encoded again as UTF-8. Only valid UTF-8 comes back
        // byte for byte; other bytes would be hashed as U+FFFD, so another body could pass for them.
        if (!Utf8.IsValid(body))
        {
            return false;
        }

        string text = Encoding.UTF8.GetString(body);
        return urls.Any(url => Accepts(() => validator.Validate(url, text, signature)));
    }

    // The validator throws where System.Uri cannot read the URL or the host it reads is not written
    // as such in it ([0::1], 127.1), and on a "bodySHA256" without '='. None of those is valid.
    private static bool Accepts(Func<bool> validate)
    {
        try
        {
            return validate();
        }
        catch (Exception e) when (e is UriFormatException or ArgumentException or IndexOutOfRangeException)
        {
            return false;
        }
    }

    private static TwilioRejection? Verdict(bool isSigned) => isSigned ? null : TwilioRejection.InvalidSignature;

    // Names match case-insensitively and repeated names keep every value in order, as in Request.Form.
    private static FormCollection ToFormCollection(List<KeyValuePair<string, string>> form)
    {
        Dictionary<string, StringValues> fields = new(StringComparer.OrdinalIgnoreCase);
        foreach ((string name, string value) in form)
        {
            fields[name] = fields.TryGetValue(name, out StringValues values) ? StringValues.Concat(values, value) : new StringValues(value);
        }

        return new FormCollection(fields);
    }

    private static bool IsMediaType(HttpRequest request, string mediaType) =>
        MediaTypeHeaderValue.TryParse(request.ContentType, out MediaTypeHeaderValue? parsed)
        && parsed.MediaType.Equals(mediaType, StringComparison.OrdinalIgnoreCase);

    private static bool HasBody(HttpRequest request) =>
        request.HttpContext.Features.Get<IHttpRequestBodyDetectionFeature>()?.CanHaveBody ?? request.ContentLength > 0;

    // The handler binds the same body afterwards, so read a buffered copy and rewind it.
    private static async Task<byte[]?> ReadRewindableBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        request.EnableBuffering();
        request.Body.Position = 0;
        try
        {
            using MemoryStream copy = new();
            byte[] chunk = new byte[16 * 1024];
            int read;
            while ((read = await request.Body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
            {
                if (copy.Length + read > MaxBodyBytes)
                {
                    return null;
                }

                copy.Write(chunk, 0, read);
            }

            return copy.ToArray();
        }
        finally
        {
            request.Body.Position = 0;
        }
    }
}
