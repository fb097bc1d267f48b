using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace PinCovisor.Web.Auth;

/// <summary>
/// Authenticates <c>Authorization: Bearer pbt_…</c>, or <c>?access_token=</c> on hub requests
/// (browsers cannot set headers on WebSockets and EventSource), against <see cref="IAccessTokens"/>.
/// </summary>
internal sealed class BearerTokenHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, IAccessTokens tokens)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Bearer";

    /// <summary>True when the request carries a bearer token this handler would read.</summary>
    public static bool Carries(HttpRequest request) =>
        request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
        || (request.Path.StartsWithSegments("/hubs") && request.Query.ContainsKey("access_token"));

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        var token = header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
            ? header["Bearer ".Length..].Trim()
            : Request.Path.StartsWithSegments("/hubs") ? Request.Query["access_token"].ToString() : null;
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
}
