using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using PinCovisor.Web.Auth;
using PinCovisor.Web.Redis;
using StackExchange.Redis;

namespace PinCovisor.Web.Agents;

/// <summary>
/// Ties an agent's console cookie to the bearer token issued at the same login: the cookie is
/// accepted only while that token's record exists in Redis. So logging out, disabling the agent,
/// or the token expiring ends the cookie too, on every host, which a self-contained cookie could not.
/// </summary>
internal static class AgentCookieValidation
{
    /// <summary>Adds the check to the agent cookie scheme, keeping any check already there.</summary>
    public static void Configure(CookieAuthenticationOptions options)
    {
        var previous = options.Events.OnValidatePrincipal;
        options.Events.OnValidatePrincipal = async context =>
        {
            await previous(context).ConfigureAwait(false);
            if (context.Principal is not null)
            {
                await ValidateAsync(context).ConfigureAwait(false);
            }
        };
    }

    private static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var tokenId = context.Principal!.FindFirstValue(CovisorClaims.TokenId);
        if (tokenId is null)
        {
            context.RejectPrincipal();
            return;
        }

        var redis = context.HttpContext.RequestServices.GetRequiredService<IConnectionMultiplexer>();
        bool alive;
        try
        {
            alive = await redis.GetDatabase().KeyExistsAsync(CovisorKeys.Token(tokenId))
                .WaitAsync(context.HttpContext.RequestAborted).ConfigureAwait(false);
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            // Unknown, not revoked: refuse this request but keep the cookie for when Redis is back.
            context.RejectPrincipal();
            return;
        }

        if (!alive)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(AuthExtensions.AgentCookieScheme).ConfigureAwait(false);
        }
    }
}
