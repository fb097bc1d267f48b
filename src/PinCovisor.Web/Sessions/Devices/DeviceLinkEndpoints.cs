using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using PinCovisor.Web.Auth;
using QRCoder;

namespace PinCovisor.Web.Sessions;

/// <summary>A one-time link (and its QR code) that brings the customer's second device into the session.</summary>
/// <param name="Url">The page to open on the other device: <c>{base}/join?device={code}</c>.</param>
/// <param name="ExpiresAt">After this the link no longer works; it also works only once.</param>
/// <param name="QrSvg">The URL as a QR code, an SVG document.</param>
internal sealed record DeviceLinkView(Uri Url, DateTimeOffset ExpiresAt, string QrSvg);

/// <summary><c>POST /api/sessions/{id}/devices</c>: an admitted customer of the session mints a second-device link.</summary>
internal static class DeviceLinkEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost("/api/sessions/{sessionId}/devices", MintAsync).RequireAuthorization(CovisorClaims.ParticipantPolicy)
            .WithTags("Sessions").WithName("CreateDeviceLink").ProducesProblem(StatusCodes.Status404NotFound);

    private static async Task<Results<Ok<DeviceLinkView>, ProblemHttpResult>> MintAsync(
        string sessionId, HttpContext context, RedisSessionStore store, DeviceCodes codes, IOptions<SessionsOptions> options,
        ILogger<DeviceCodes> logger)
    {
        var user = context.User;
        var cancellationToken = context.RequestAborted;
        if (!user.IsCustomer() || user.CustomerSession() != sessionId)
        {
            return SessionProblems.Forbidden();
        }

        var session = await store.GetAsync(sessionId, cancellationToken).ConfigureAwait(false);
        var participant = await store.GetParticipantAsync(sessionId, user.ParticipantId()!, cancellationToken).ConfigureAwait(false);
        if (session is null || session.IsClosed || participant is null)
        {
            return SessionProblems.NotFound();
        }

        // Only someone the agent let in may bring another device in without asking again.
        if (!SessionAccess.Allows(user, session, participant))
        {
            return SessionProblems.Forbidden();
        }

        var (code, expiresAt) = await codes.MintAsync(sessionId, cancellationToken).ConfigureAwait(false);
        var url = new Uri(BaseUrl(context.Request, options.Value), "join?device=" + code);
        SessionLog.DeviceLinkMinted(logger, sessionId);
        context.Response.Headers.CacheControl = "no-store";
        return TypedResults.Ok(new DeviceLinkView(url, expiresAt, QrSvg(url)));
    }

    private static Uri BaseUrl(HttpRequest request, SessionsOptions options)
    {
        var configured = options.PublicBaseUrl?.ToString() ?? $"{request.Scheme}://{request.Host}{request.PathBase}";
        return new Uri(configured.EndsWith('/') ? configured : configured + "/");
    }

    private static string QrSvg(Uri url)
    {
        using var data = QRCodeGenerator.GenerateQrCode(url.AbsoluteUri, QRCodeGenerator.ECCLevel.M);
        return new SvgQRCode(data).GetGraphic(4, "#000000", "#ffffff", true, SvgQRCode.SizingMode.ViewBoxAttribute);
    }
}
