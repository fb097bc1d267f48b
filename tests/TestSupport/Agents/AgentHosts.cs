using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;
using PhoneBridge.Testing.Redis;
using PhoneBridge.Testing.Sessions;
using PhoneBridge.Testing.Web;

namespace PhoneBridge.Testing.Agents;

/// <summary>
/// Starts the host for agent tests. On redis-server and the cluster they use a store of their own
/// (<see cref="RedisServers.IsolatedConnectionString"/>): agents they create are rung by the IVR, and
/// must not show up in other tests' <c>&lt;Dial&gt;</c>. Garnet is embedded in each host, so it starts
/// empty anyway.
/// </summary>
public static class AgentHosts
{
    public static PinCovisorHost Start(
        RedisServers servers, RedisServerKind kind, IDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    {
        ArgumentNullException.ThrowIfNull(servers);
        var all = new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>())
        {
            ["ConnectionStrings:Redis"] = kind == RedisServerKind.Garnet ? "" : servers.IsolatedConnectionString(kind),
            // Tests name their client with X-Forwarded-For (see NewClientAddress).
            [SessionsApi.TrustLoopbackProxy.Key] = SessionsApi.TrustLoopbackProxy.Value,
        };
        var host = new PinCovisorHost(all, services);
        _ = host.BaseAddress;
        return host;
    }

    /// <summary>A username no other test uses.</summary>
    public static string NewUsername(string prefix = "agent") => $"{prefix}-{RandomNumberGenerator.GetHexString(8, lowercase: true)}";

    /// <summary>A Spanish mobile number no other test uses.</summary>
    public static string NewPhoneNumber() => "+346" + RandomNumberGenerator.GetInt32(10_000_000, 99_999_999);

    /// <summary>
    /// A client address in the IPv6 documentation range, for <c>X-Forwarded-For</c> (hosts started
    /// here trust loopback as a proxy), in a /64 of its own: throttles group IPv6 clients by /64, and
    /// each test's failures must fill a counter of their own.
    /// </summary>
    public static string NewClientAddress() =>
        $"2001:db8:{RandomNumberGenerator.GetHexString(4, lowercase: true)}:{RandomNumberGenerator.GetHexString(4, lowercase: true)}::1";

    /// <summary>
    /// Settings adding one agent to the configured list at <paramref name="index"/> (the default
    /// host already has ana at 0 and bruno at 1).
    /// </summary>
    public static Dictionary<string, string?> Agent(
        int index, string username, string? password = null, bool isAdmin = false, string? phoneNumber = null, string? displayName = null)
    {
        var prefix = $"Agents:{index}:";
        var settings = new Dictionary<string, string?>
        {
            [prefix + "Username"] = username,
            [prefix + "DisplayName"] = displayName ?? username,
            [prefix + "Password"] = password,
            [prefix + "IsAdmin"] = isAdmin ? "true" : "false",
        };
        if (phoneNumber is not null)
        {
            settings[prefix + "PhoneNumbers:0"] = phoneNumber;
        }

        return settings;
    }
}
