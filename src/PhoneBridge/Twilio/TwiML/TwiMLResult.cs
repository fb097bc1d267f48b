using System.Text;

using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;

namespace PhoneBridge.Twilio.TwiML;

/// <summary>Writes a <see cref="VoiceResponse"/> as the HTTP response: 200, <c>application/xml; charset=utf-8</c>.</summary>
public sealed class TwiMLResult : IResult, IStatusCodeHttpResult, IContentTypeHttpResult
{
    /// <summary>Wraps <paramref name="response"/>.</summary>
    public TwiMLResult(VoiceResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        Response = response;
    }

    /// <summary>The TwiML document to send.</summary>
    public VoiceResponse Response { get; }

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
        byte[] body = Encoding.UTF8.GetBytes(Response.ToString());
        httpContext.Response.StatusCode = StatusCode;
        httpContext.Response.ContentType = ContentType;
        httpContext.Response.ContentLength = body.Length;
        await httpContext.Response.Body.WriteAsync(body, httpContext.RequestAborted).ConfigureAwait(false);
    }
}
