using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace PinCovisor.Web.Hosting;

/// <summary>
/// ASP.NET's forwarded-headers middleware, trusting exactly the proxies of <see cref="ProxyOptions"/>.
/// Its own default trusts loopback, which would let any process on the machine (or a proxy that
/// passes the headers through unchecked) speak for other clients; that default is cleared.
/// </summary>
internal static partial class ForwardedHeadersSetup
{
    public static void AddForwardedHeaders(IServiceCollection services)
    {
        services.AddOptions<ProxyOptions>()
            .BindConfiguration(ProxyOptions.SectionName)
            .Validate(o => ProxyOptions.AreAddresses(o.KnownProxies), "ForwardedHeaders:KnownProxies entries must be IP addresses such as 10.0.0.5")
            .Validate(o => ProxyOptions.AreNetworks(o.KnownNetworks), "ForwardedHeaders:KnownNetworks entries must be CIDR networks such as 10.0.0.0/8")
            .Validate(o => o.ForwardLimit is >= 1 and <= 10, "ForwardedHeaders:ForwardLimit must be between 1 and 10")
            .ValidateOnStart();
        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<ProxyOptions>>((forwarded, proxies) =>
        {
            // The scheme and host they carry are part of every URL Twilio signs; the address is
            // what the throttles count. With both lists empty the middleware would trust every
            // peer, so then it reads no header at all.
            var any = proxies.Value.KnownProxies.Count + proxies.Value.KnownNetworks.Count > 0;
            forwarded.ForwardedHeaders = any
                ? ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost
                : ForwardedHeaders.None;
            forwarded.KnownProxies.Clear();
            forwarded.KnownIPNetworks.Clear();
            foreach (var proxy in proxies.Value.KnownProxies)
            {
                forwarded.KnownProxies.Add(IPAddress.Parse(proxy));
            }

            foreach (var network in proxies.Value.KnownNetworks)
            {
                forwarded.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }

            forwarded.ForwardLimit = proxies.Value.ForwardLimit;
        });
    }

    /// <summary>Runs the middleware and says at start-up whom it trusts.</summary>
    public static void UseForwardedHeaders(WebApplication app)
    {
        var forwarded = app.Services.GetRequiredService<IOptions<ForwardedHeadersOptions>>().Value;
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ForwardedHeadersSetup).FullName!);
        if (forwarded.ForwardedHeaders == ForwardedHeaders.None)
        {
            TrustsNoProxy(logger);
        }
        else
        {
            TrustsProxies(logger, string.Join(", ", forwarded.KnownProxies), string.Join(", ", forwarded.KnownIPNetworks), forwarded.ForwardLimit ?? 0);
        }

        app.UseForwardedHeaders();
    }

    [LoggerMessage(2003, LogLevel.Information,
        "No proxy is trusted (ForwardedHeaders:KnownProxies and KnownNetworks are empty): X-Forwarded-For/-Proto/-Host are ignored, every request's address, scheme and host are its connection's")]
    private static partial void TrustsNoProxy(ILogger logger);

    [LoggerMessage(2004, LogLevel.Information,
        "X-Forwarded-For/-Proto/-Host are trusted from proxies [{Proxies}] and networks [{Networks}], unwinding at most {ForwardLimit}")]
    private static partial void TrustsProxies(ILogger logger, string proxies, string networks, int forwardLimit);
}
