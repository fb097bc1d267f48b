using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace PinCovisor.Web.Auth;

/// <summary>
/// Authenticates <c>Authorization: Bearer pbt_…</c> against <see cref="RedisAccessTokens"/>, or
/// <c>?access_token=</c> where a browser cannot send a header: hub connections (WebSockets,
/// EventSource) and media a page loads by URL (<c>&lt;img src&gt;</c>, <c>&lt;video src&gt;</c>).
/// Request logs record the path only, never the query string.
/// </summary>
internal sealed class BearerTokenHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, RedisAccessTokens tokens)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Bearer";

    /// <summary>True when the request carries a bearer token this handler would read.</summary>
    public static bool Carries(HttpRequest request) =>
        request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
        || (AcceptsQueryToken(request) && request.Query.ContainsKey("access_token"));

    private static bool AcceptsQueryToken(HttpRequest request) =>
        request.Path.StartsWithSegments("/hubs")
        || (HttpMethods.IsGet(request.Method)
            && (request.Path.StartsWithSegments("/api/videos")
                || (request.Path.StartsWithSegments("/api/sessions") && request.Path.Value!.Contains("/media/", StringComparison.Ordinal))));

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        var token = header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
            ? header["Bearer ".Length..].Trim()
            : AcceptsQueryToken(Request) ? Request.Query["access_token"].ToString() : null;
        if (string.IsNullOrEmpty(token))
        {
            return AuthenticateResult.NoResult();
        }

        var validated = await tokens.ValidateAsync(token, Context.RequestAborted).ConfigureAwait(false);
        if (validated is not { } found)
        {
            return AuthenticateResult.Fail("The token is unknown, expired or revoked.");
        }

        var principal = CovisorClaims.ToPrincipal(found.Grant, SchemeName, found.TokenId);
        var properties = new AuthenticationProperties { ExpiresUtc = found.Grant.ExpiresAt };
        return AuthenticateResult.Success(new AuthenticationTicket(principal, properties, SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties) =>
        AuthProblems.WriteAsync(Context, StatusCodes.Status401Unauthorized);

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        AuthProblems.WriteAsync(Context, StatusCodes.Status403Forbidden);
}
