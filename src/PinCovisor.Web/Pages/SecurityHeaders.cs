using Microsoft.Net.Http.Headers;

namespace PinCovisor.Web.Pages;

/// <summary>
/// Headers every browser-facing response carries. The Content-Security-Policy allows scripts,
/// styles, connections and workers from this origin only: no inline script or style, no eval, no
/// CDN, and no framing of our pages. Images may also come from https (the shop's catalog pictures).
/// </summary>
internal static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob: https:; " +
        "media-src 'self' blob:; connect-src 'self'; font-src 'self'; worker-src 'self'; manifest-src 'self'; " +
        "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        // Twilio reads TwiML, not pages; its webhooks stay exactly as they were.
        if (!context.Request.Path.StartsWithSegments("/twilio"))
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers[HeaderNames.ContentSecurityPolicy] = ContentSecurityPolicy;
                headers[HeaderNames.XContentTypeOptions] = "nosniff";
                // PINs and device codes travel in /join query strings: never hand them to another page.
                headers["Referrer-Policy"] = "no-referrer";
                headers["Permissions-Policy"] = "camera=(self), microphone=(), geolocation=(), payment=()";
                return Task.CompletedTask;
            });
        }

        return next(context);
    });
}
