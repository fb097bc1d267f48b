using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.StackExchangeRedis;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.DependencyInjection.Extensions;
using PhoneBridge.Agents;
using PinCovisor.Web.Auth;
using PinCovisor.Web.Redis;
using PinCovisor.Web.Throttling;
using Microsoft.Extensions.Hosting;
using StackExchange.Redis;

namespace PinCovisor.Web.Agents;

/// <summary>Wires the Agents feature: accounts, login, presence, live calls, claim by PIN, canned replies.</summary>
internal static class AgentsExtensions
{
    /// <summary>
    /// The Data Protection key ring: one list of the keys' XML as ASP.NET Core writes it (not encrypted
    /// at rest, like Redis's other secrets here: protect Redis accordingly); one key, so one Cluster slot.
    /// </summary>
    internal static readonly RedisKey DataProtectionKeys = CovisorKeys.Global("dataprotection", "keys");

    /// <summary>
    /// Registers the accounts in Redis (seeded from <c>Agents</c>), replaces PhoneBridge's configured
    /// <see cref="IAgentDirectory"/> by a snapshot of them, ties the agent cookie to its login's token,
    /// and binds the <c>AgentLogin</c> and <c>CannedReplies</c> sections, validated at start-up.
    /// </summary>
    internal static IHostApplicationBuilder AddAgents(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        var production = builder.Environment.IsProduction();

        services.AddOptions<List<AgentOptions>>()
            .Validate(a => a.All(x => AgentNames.IsValidUsername(x.Username)),
                "Agents:N:Username may hold only letters, digits, '.', '_' and '-' (1-64, starting with a letter or digit)")
            .Validate(a => a.All(x => string.IsNullOrEmpty(x.PasswordHash) || AgentPasswords.IsHash(x.PasswordHash)),
                "Agents:N:PasswordHash must be a hash in ASP.NET Core PasswordHasher's format (base64)")
            .Validate(a => !production || a.All(x => string.IsNullOrEmpty(x.Password)),
                "Agents:N:Password is for development only; use Agents:N:PasswordHash in Production");
        services.AddOptions<AgentLoginOptions>()
            .BindConfiguration(AgentLoginOptions.SectionName)
            .Validate(o => o.TokenLifetime > TimeSpan.Zero, "AgentLogin:TokenLifetime must be positive")
            .Validate(o => o.MaxFailures >= 1, "AgentLogin:MaxFailures must be at least 1")
            .Validate(o => o.MaxFailuresPerClient >= o.MaxFailures, "AgentLogin:MaxFailuresPerClient must be at least AgentLogin:MaxFailures")
            .Validate(o => o.SlowDownAfter >= 1, "AgentLogin:SlowDownAfter must be at least 1")
            .Validate(o => o.SlowDownDelay >= TimeSpan.Zero && o.SlowDownDelay <= TimeSpan.FromSeconds(30),
                "AgentLogin:SlowDownDelay must be between 0 and 30 seconds")
            .Validate(o => o.FailureWindow > TimeSpan.Zero, "AgentLogin:FailureWindow must be positive")
            .Validate(o => o.MaxConcurrentPasswordChecks >= 0, "AgentLogin:MaxConcurrentPasswordChecks must be 0 (one per processor) or more")
            .Validate(o => o.DirectoryRefresh >= TimeSpan.FromMilliseconds(100), "AgentLogin:DirectoryRefresh must be at least 100 ms")
            .Validate(o => o.ClaimMaxFailures >= 1, "AgentLogin:ClaimMaxFailures must be at least 1")
            .Validate(o => o.ClaimFailureWindow > TimeSpan.Zero, "AgentLogin:ClaimFailureWindow must be positive")
            .ValidateOnStart();
        services.AddOptions<List<CannedReplyOptions>>()
            .BindConfiguration(CannedReplyOptions.SectionName)
            .Validate(r => r.All(x => CannedReplyRules.IsShortcut(x.Shortcut)),
                "CannedReplies:N:Shortcut must be '/' then 1-32 lower-case letters, digits, '_' or '-'")
            .Validate(r => r.All(x => CannedReplyRules.IsText(x.Text)), "CannedReplies:N:Text is required (up to 2,000 characters)")
            .Validate(r => r.Select(x => x.Shortcut).Distinct(StringComparer.Ordinal).Count() == r.Count,
                "CannedReplies:N:Shortcut must be unique")
            .ValidateOnStart();

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<AgentPasswords>();
        services.TryAddSingleton<AttemptThrottle>();
        services.AddSingleton<RedisAgentAccounts>();
        services.AddSingleton<AgentSeeder>();
        services.AddSingleton<AgentDirectory>();
        services.Replace(ServiceDescriptor.Singleton<IAgentDirectory>(sp => sp.GetRequiredService<AgentDirectory>()));
        services.AddHostedService<AgentDirectoryRefresher>();
        services.AddSingleton<RedisAgentPresence>();
        services.AddSingleton<RedisCannedReplies>();
        services.AddOptions<CookieAuthenticationOptions>(AuthExtensions.AgentCookieScheme).Configure(AgentCookieValidation.Configure);

        // One key ring and one application name for every host, so any host reads any host's cookie.
        // PersistKeysToStackExchangeRedis takes no IServiceProvider (dotnet/aspnetcore#61768), so its
        // repository is installed as it would install it, on the host's one multiplexer.
        services.AddDataProtection().SetApplicationName("PinCovisor");
        services.AddOptions<KeyManagementOptions>().Configure<IConnectionMultiplexer>((options, redis) =>
            options.XmlRepository = new RedisXmlRepository(() => redis.GetDatabase(), DataProtectionKeys));
        return builder;
    }

    /// <summary>
    /// Maps <c>/api/agents</c> (login, logout, me, presence, list), <c>/api/admin</c> (agents and
    /// canned replies, admins only), <c>/api/calls</c> (live list, claim by PIN) and <c>/api/canned-replies</c>.
    /// </summary>
    internal static WebApplication MapAgents(this WebApplication app)
    {
        app.MapGroup("/api/agents").WithTags("Agents").MapAgentLogin().MapPresence();
        app.MapGroup("/api/admin")
            .RequireAuthorization(CovisorClaims.AgentPolicy)
            .AddEndpointFilter<AdminOnlyFilter>()
            .WithTags("Agents")
            .MapAdminAgents()
            .MapAdminCannedReplies();
        app.MapGroup("/api/calls").RequireAuthorization(CovisorClaims.AgentPolicy).WithTags("Calls").MapLiveCalls().MapNewCallPin();
        app.MapCannedReplies();
        return app;
    }
}
