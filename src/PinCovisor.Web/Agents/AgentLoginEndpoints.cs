using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using PinCovisor.Web.Auth;

namespace PinCovisor.Web.Agents;

/// <summary><c>POST /api/agents/login</c>, <c>POST /api/agents/logout</c>, <c>GET /api/agents/me</c>.</summary>
internal static class AgentLoginEndpoints
{
    // Longer input is refused before any Redis or hashing work: no real username or password is this long.
    private const int MaxInputLength = 1024;

    public static RouteGroupBuilder MapAgentLogin(this RouteGroupBuilder agents)
    {
        agents.MapPost("/login", LoginAsync).AllowAnonymous();
        agents.MapPost("/logout", LogoutAsync).RequireAuthorization(CovisorClaims.AgentPolicy);
        agents.MapGet("/me", MeAsync).RequireAuthorization(CovisorClaims.AgentPolicy);
        return agents;
    }

    /// <summary>Signs the console's cookie in and hands out a bearer token; both end with the token's lifetime.</summary>
    private static async Task<Results<Ok<LoginResponse>, ValidationProblem, ProblemHttpResult>> LoginAsync(
        LoginRequest request, HttpContext http, RedisAgentAccounts accounts, AgentPasswords passwords, AttemptThrottle throttle,
        IAccessTokens tokens, IAgentPresence presence, IOptions<AgentLoginOptions> options, TimeProvider time, ILoggerFactory loggers)
    {
        var logger = loggers.CreateLogger(typeof(AgentLoginEndpoints));
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrEmpty(request.Username) || request.Username.Length > MaxInputLength)
        {
            errors["username"] = ["Required, up to 1,024 characters."];
        }

        if (string.IsNullOrEmpty(request.Password) || request.Password.Length > MaxInputLength)
        {
            errors["password"] = ["Required, up to 1,024 characters."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var ct = http.RequestAborted;
        var policy = LoginPolicy(options.Value);
        var client = ClientAddress(http);
        if (await throttle.BeginAsync(policy, client, request.Username!, ct).ConfigureAwait(false) is { } wait)
        {
            AgentLog.Throttled(logger, policy.Name, AttemptThrottle.RetryAfterSeconds(wait));
            return AgentProblems.TooMany(http, wait);
        }

        // The hasher runs whatever the account, so unknown, disabled and wrong look the same.
        var stored = await accounts.ReadAsync(request.Username!, ct).ConfigureAwait(false);
        if (!passwords.Verify(stored?.PasswordHash, request.Password!) || stored is not { Account.Disabled: false })
        {
            AgentLog.LoginRefused(logger);
            return AgentProblems.LoginRefused();
        }

        await throttle.SucceededAsync(policy, client, request.Username!, ct).ConfigureAwait(false);
        var account = stored.Account;
        var grant = new AccessGrant(AccessKind.Agent, account.Username, null, time.GetUtcNow() + options.Value.TokenLifetime);
        var token = await tokens.IssueAsync(grant, ct).ConfigureAwait(false);
        var tokenId = (await tokens.ValidateAsync(token, ct).ConfigureAwait(false))?.TokenId
            ?? throw new InvalidOperationException("A token just issued did not validate.");
        if (!await accounts.AddTokenAsync(account.Username, tokenId, grant.ExpiresAt, ct).ConfigureAwait(false))
        {
            // Disabled while logging in: the disable did not see this token, so it goes now.
            await tokens.RevokeAsync(tokenId, CancellationToken.None).ConfigureAwait(false);
            AgentLog.LoginRefused(logger);
            return AgentProblems.LoginRefused();
        }

        // The cookie carries the token's id: it lives only as long as the token does (see AgentCookieValidation).
        var principal = CovisorClaims.ToPrincipal(grant, AuthExtensions.AgentCookieScheme, tokenId);
        await http.SignInAsync(AuthExtensions.AgentCookieScheme, principal,
            new AuthenticationProperties { ExpiresUtc = grant.ExpiresAt, AllowRefresh = false, IsPersistent = false }).ConfigureAwait(false);
        await presence.SetAsync(account.Username, AgentStatus.Available, ct).ConfigureAwait(false);
        AgentLog.LoggedIn(logger, account.Username);
        return TypedResults.Ok(new LoginResponse(token, grant.ExpiresAt, AgentView.Of(account)));
    }

    /// <summary>Revokes the login's token (the cookie's or the bearer's) and deletes the cookie.</summary>
    private static async Task<NoContent> LogoutAsync(
        ClaimsPrincipal user, HttpContext http, RedisAgentAccounts accounts, IAccessTokens tokens, IAgentPresence presence, ILoggerFactory loggers)
    {
        var username = user.AgentUsername()!;
        if (user.FindFirstValue(CovisorClaims.TokenId) is { } tokenId)
        {
            await tokens.RevokeAsync(tokenId, http.RequestAborted).ConfigureAwait(false);
            await accounts.RemoveTokenAsync(username, tokenId, http.RequestAborted).ConfigureAwait(false);
        }

        await http.SignOutAsync(AuthExtensions.AgentCookieScheme).ConfigureAwait(false);
        await presence.SetAsync(username, AgentStatus.Away, http.RequestAborted).ConfigureAwait(false);
        AgentLog.LoggedOut(loggers.CreateLogger(typeof(AgentLoginEndpoints)), username);
        return TypedResults.NoContent();
    }

    private static async Task<Results<Ok<AgentView>, ProblemHttpResult>> MeAsync(ClaimsPrincipal user, IAgentAccounts accounts, HttpContext http)
    {
        var account = await accounts.GetAsync(user.AgentUsername()!, http.RequestAborted).ConfigureAwait(false);
        return account is { Disabled: false }
            ? TypedResults.Ok(AgentView.Of(account))
            : AgentProblems.NotFound("This agent has no enabled account.");
    }

    /// <summary>The login throttle's numbers.</summary>
    public static ThrottlePolicy LoginPolicy(AgentLoginOptions options) => new("agent-login", options.MaxFailures, options.FailureWindow);

    /// <summary>The client's address as the forwarded-headers middleware left it (trusted proxies only).</summary>
    public static string ClientAddress(HttpContext http) => http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
}
