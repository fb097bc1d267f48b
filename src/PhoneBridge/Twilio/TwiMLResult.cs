using System.Text;
using System.Xml.Linq;

using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;

using TwiMLDocument = global::Twilio.TwiML.TwiML;

namespace PhoneBridge.Twilio;

/// <summary>
/// Writes a TwiML document of the official package (a <c>Twilio.TwiML.VoiceResponse</c> or
/// <c>MessagingResponse</c>) as the HTTP response: 200, <c>application/xml; charset=utf-8</c>,
/// unindented. Return it from a minimal API endpoint, or use <see cref="TwiMLResultExtensions.TwiML"/>.
/// </summary>
/// <remarks>
/// The document is serialised when the result is created, inside the endpoint, so text XML cannot
/// carry (a control character in a prompt) throws <see cref="ArgumentException"/> where endpoint
/// filters can still answer something else, not after the response has started.
/// </remarks>
public sealed class TwiMLResult : IResult, IStatusCodeHttpResult, IContentTypeHttpResult
{
    private readonly byte[] _body;

    /// <summary>Serialises <paramref name="response"/>.</summary>
    /// <exception cref="ArgumentException">The document holds characters XML cannot carry.</exception>
    public TwiMLResult(TwiMLDocument response)
    {
        ArgumentNullException.ThrowIfNull(response);
        Response = response;
        _body = Encoding.UTF8.GetBytes(response.ToString(SaveOptions.DisableFormatting));
    }

    /// <summary>The TwiML document sent, as it was when this result was created.</summary>
    public TwiMLDocument Response { get; }

    /// <summary>The XML text sent.</summary>
    public string Xml => Encoding.UTF8.GetString(_body);

    /// <summary>Always 200: Twilio treats any other status as an application error.</summary>
    public int StatusCode { get; } = StatusCodes.Status200OK;

    /// <inheritdoc />
    int? IStatusCodeHttpResult.StatusCode => StatusCode;

    /// <summary>The content type Twilio expects for TwiML.</summary>
    public string ContentType { get; } = "application/xml; charset=utf-8";

    /// <inheritdoc />
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        httpContext.Response.StatusCode = StatusCode;
        httpContext.Response.ContentType = ContentType;
        httpContext.Response.ContentLength = _body.Length;
        await httpContext.Response.Body.WriteAsync(_body, httpContext.RequestAborted).ConfigureAwait(false);
    }
}

/// <summary><c>Results.Extensions.TwiML(response)</c> for minimal API endpoints.</summary>
public static class TwiMLResultExtensions
{
    /// <summary>A <see cref="TwiMLResult"/> answering <paramref name="response"/>.</summary>
#pragma warning disable IDE0060 // The receiver only anchors the call on Results.Extensions.
    public static TwiMLResult TwiML(this IResultExtensions resultExtensions, TwiMLDocument response) => new(response);
#pragma warning restore IDE0060
}
