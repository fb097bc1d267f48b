using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace PinCovisor.Web.Auth;

/// <summary>Authentication for agents (cookie or bearer) and customers (session bearer token).</summary>
internal static class AuthExtensions
{
    /// <summary>The scheme agents' browsers sign in with.</summary>
    public const string AgentCookieScheme = "AgentCookie";

    private const string SelectorScheme = "Covisor";

    /// <summary>
    /// Registers both schemes behind one selector (a bearer token wins over the cookie), the token
    /// store with a no-op <see cref="IRevocationNotifier"/>, and the policies <see cref="CovisorClaims.AgentPolicy"/> and <see cref="CovisorClaims.ParticipantPolicy"/>.
    /// </summary>
    internal static IHostApplicationBuilder AddAuth(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddSingleton<RedisAccessTokens>();
        // Stands in until the hub registers the one that cuts live connections.
        services.TryAddSingleton<IRevocationNotifier, NoRevocationNotifier>();
        services.AddAuthentication(SelectorScheme)
            .AddPolicyScheme(SelectorScheme, SelectorScheme, options =>
                options.ForwardDefaultSelector = context =>
                    BearerTokenHandler.Carries(context.Request) ? BearerTokenHandler.SchemeName : AgentCookieScheme)
            .AddScheme<AuthenticationSchemeOptions, BearerTokenHandler>(BearerTokenHandler.SchemeName, null)
            .AddCookie(AgentCookieScheme, options =>
            {
                options.Cookie.Name = "pb_agent";
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Strict;
                options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                options.ExpireTimeSpan = TimeSpan.FromHours(12);
                options.SlidingExpiration = true;
                // An API answers 401/403; there is no login page to redirect to.
                options.Events.OnRedirectToLogin = context =>
                    AuthProblems.WriteAsync(context.HttpContext, StatusCodes.Status401Unauthorized);
                options.Events.OnRedirectToAccessDenied = context =>
                    AuthProblems.WriteAsync(context.HttpContext, StatusCodes.Status403Forbidden);
            });

        services.AddAuthorizationBuilder()
            .AddPolicy(CovisorClaims.AgentPolicy, policy => policy.RequireClaim(CovisorClaims.Role, CovisorClaims.AgentRole))
            .AddPolicy(CovisorClaims.ParticipantPolicy, policy =>
                policy.RequireClaim(CovisorClaims.Role, CovisorClaims.AgentRole, CovisorClaims.CustomerRole));
        return builder;
    }

    /// <summary>Reads who is calling (agent cookie or bearer, customer bearer) on every request that follows.</summary>
    internal static WebApplication UseAuth(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseAuthentication();
        app.UseAuthorization();
        return app;
    }
}
