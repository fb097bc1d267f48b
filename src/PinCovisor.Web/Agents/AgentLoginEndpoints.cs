using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using PinCovisor.Web.Auth;
using PinCovisor.Web.Sessions;
using PinCovisor.Web.Throttling;

namespace PinCovisor.Web.Agents;

/// <summary><c>POST /api/agents/login</c>, <c>POST /api/agents/logout</c>, <c>GET /api/agents/me</c>.</summary>
internal static class AgentLoginEndpoints
{
    // Longer input is refused before any Redis or hashing work: no real username or password is this long.
    private const int MaxInputLength = 1024;

    public static RouteGroupBuilder MapAgentLogin(this RouteGroupBuilder agents)
    {
        agents.MapPost("/login", LoginAsync).AllowAnonymous().WithName("LogIn")
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status429TooManyRequests);
        agents.MapPost("/logout", LogoutAsync).RequireAuthorization(CovisorClaims.AgentPolicy).WithName("LogOut");
        agents.MapGet("/me", MeAsync).RequireAuthorization(CovisorClaims.AgentPolicy).WithName("GetMe").ProducesProblem(StatusCodes.Status404NotFound);
        return agents;
    }

    /// <summary>Signs the console's cookie in and hands out a bearer token; both end with the token's lifetime.</summary>
    private static async Task<Results<Ok<LoginResponse>, ValidationProblem, ProblemHttpResult>> LoginAsync(
        LoginRequest request, HttpContext http, RedisAgentAccounts accounts, AgentPasswords passwords, AttemptThrottle throttle,
        RedisAccessTokens tokens, RedisAgentPresence presence, IOptions<AgentLoginOptions> options, TimeProvider time, ILoggerFactory loggers)
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
        var counters = LoginThrottle.Counters(options.Value, request.Username!, ClientBucket.Of(http));
        var verdict = await throttle.BeginAsync(counters, ct).ConfigureAwait(false);
        if (verdict.RetryAfter is { } wait)
        {
            AgentLog.Throttled(logger, LoginThrottle.Name, AttemptThrottle.RetryAfterSeconds(wait));
            return AgentProblems.TooMany(http, wait);
        }

        if (verdict.OverLimit)
        {
            // Failures for this username from many addresses: slow every login for it down, refuse none,
            // so an attack can neither lock the agent out nor guess at full speed.
            AgentLog.SlowedDown(logger, (long)options.Value.SlowDownDelay.TotalMilliseconds);
            await Task.Delay(options.Value.SlowDownDelay, time, ct).ConfigureAwait(false);
        }

        // The hasher runs whatever the account, so unknown, disabled and wrong look the same.
        var stored = await accounts.ReadAsync(request.Username!, ct).ConfigureAwait(false);
        if (!await passwords.VerifyAsync(stored?.PasswordHash, request.Password!, ct).ConfigureAwait(false)
            || stored is not { Account.Disabled: false })
        {
            AgentLog.LoginRefused(logger);
            return AgentProblems.LoginRefused();
        }

        await throttle.SucceededAsync(counters, ct).ConfigureAwait(false);
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
        ClaimsPrincipal user, HttpContext http, RedisAgentAccounts accounts, RedisAccessTokens tokens, RedisAgentPresence presence, ILoggerFactory loggers)
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

    private static async Task<Results<Ok<AgentView>, ProblemHttpResult>> MeAsync(ClaimsPrincipal user, RedisAgentAccounts accounts, HttpContext http)
    {
        var account = await accounts.GetAsync(user.AgentUsername()!, http.RequestAborted).ConfigureAwait(false);
        return account is { Disabled: false }
            ? TypedResults.Ok(AgentView.Of(account))
            : AgentProblems.NotFound("This agent has no enabled account.");
    }
}
