using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using PhoneBridge.Testing.Sessions;
using PhoneBridge.Testing.Web;
using PinCovisor.Web.Redis;

namespace PhoneBridge.Bench.Hosting;

/// <summary>
/// The real host (its own Program, configuration and middleware) on Kestrel at 127.0.0.1, as the
/// tests start it, with two changes for measuring: the tests' in-memory log capture is removed (the
/// product's own Serilog console output stays, see <see cref="HostLog"/>), and a bare endpoint
/// <c>POST /bench/bare</c> answers a fixed TwiML document ahead of the product's pipeline, as the
/// floor the webhook is compared with.
/// </summary>
public static class BenchHost
{
    public const string BarePath = "/bench/bare";

    private const string BareTwiML =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response><Say>1 2 3 4 5 6</Say></Response>";

    /// <summary>A host; <paramref name="redis"/> empty means the embedded Garnet, as <c>dotnet run</c> does.</summary>
    public static PinCovisorHost Start(string redis = "", string? pinKey = null, IDictionary<string, string?>? settings = null)
    {
        var all = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Redis"] = redis,
            ["Pins:SecretKey"] = pinKey ?? NewPinKey(),
            [SessionsApi.TrustLoopbackProxy.Key] = SessionsApi.TrustLoopbackProxy.Value,
            ["VideoHosts:Allowed:0"] = "videos.example",
            ["Videos:0:Id"] = VideoId,
            ["Videos:0:Title"] = "How to fit the strap",
            ["Videos:0:Url"] = "https://videos.example/strap.mp4",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        var host = new PinCovisorHost(all, services =>
        {
            var captured = services.Where(d => d.ServiceType == typeof(ILoggerProvider) && d.ImplementationInstance is FakeLoggerProvider).ToList();
            foreach (var descriptor in captured)
            {
                services.Remove(descriptor);
            }

            services.AddSingleton<IStartupFilter, BareEndpoint>();
        });
        _ = host.BaseAddress;
        return host;
    }

    public const string VideoId = "strap-demo";

    public static string NewPinKey() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    /// <summary>The Redis the host uses (its embedded Garnet's or the configured one).</summary>
    public static string RedisOf(PinCovisorHost host) =>
        host.Services.GetRequiredService<RedisEndpoint>().ConnectionString;

    private sealed class BareEndpoint : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Map(BarePath, bare => bare.Run(async context =>
            {
                // Reads the form as the webhook does, so the floor includes parsing the same body.
                _ = await context.Request.ReadFormAsync(context.RequestAborted);
                context.Response.ContentType = "application/xml";
                await context.Response.WriteAsync(BareTwiML, context.RequestAborted);
            }));
            next(app);
        };
    }
}
