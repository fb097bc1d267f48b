using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;

namespace PhoneBridge.Testing.Web;

/// <summary>
/// The real web host (its own Program) on Kestrel, bound to 127.0.0.1 on a free port. Settings
/// override configuration; <see cref="ConfigureServices"/> swaps infrastructure such as the clock.
/// </summary>
public sealed class PinCovisorHost : WebApplicationFactory<Program>
{
    public const string AuthToken = "test-auth-token-0123456789abcdef";

    /// <summary>The setting naming the embedded store's data directory; empty (the tests' default) keeps it in memory.</summary>
    public const string EmbeddedDataDirKey = "Redis:EmbeddedDataDir";

    /// <summary>The environment tests run in unless they ask for another.</summary>
    public const string TestingEnvironment = "Testing";

    private readonly Dictionary<string, string?> _settings;
    private readonly Action<IServiceCollection>? _services;
    private readonly string _environment;
    private FakeTimeProvider? _clock;

    /// <param name="settings">Configuration that overrides everything else.</param>
    /// <param name="services">Service replacements, applied last.</param>
    /// <param name="environment">
    /// The host environment. In <see cref="TestingEnvironment"/> the host gets this class's Twilio
    /// token, a random PIN key and the agents ana and bruno; any other environment (e.g.
    /// Development) runs on its own <c>appsettings.{environment}.json</c> plus <paramref name="settings"/>.
    /// </param>
    public PinCovisorHost(
        IDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null, string environment = TestingEnvironment)
    {
        _environment = environment;
        _settings = environment != TestingEnvironment ? [] : new Dictionary<string, string?>
        {
            ["Twilio:AuthToken"] = AuthToken,
            ["Twilio:AccountSid"] = "AC" + new string('1', 32),
            ["Pins:SecretKey"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)),
            ["Agents:0:Username"] = "ana",
            ["Agents:0:DisplayName"] = "Ana",
            ["Agents:0:PhoneNumbers:0"] = "+34600000001",
            ["Agents:0:ClientIdentity"] = "ana",
            ["Agents:1:Username"] = "bruno",
            ["Agents:1:DisplayName"] = "Bruno",
            ["Agents:1:PhoneNumbers:0"] = "+34600000002",
            // Tests' hosts share one redis-server database and many run on fake clocks years apart:
            // one sweeping at start would remove what the others wrote. The sweep's tests turn it on.
            ["Retention:Sweep"] = "false",
        };
        // Many hosts run at once, each with its own embedded store: none keeps it on disk unless a
        // test gives it a directory of its own.
        _settings[EmbeddedDataDirKey] = "";
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            _settings[key] = value;
        }

        _services = services;
        UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
    }

    /// <summary>Every log line the host wrote, for asserting what never appears in logs.</summary>
    public FakeLogCollector Logs { get; } = new();

    /// <summary>The host's base address, e.g. <c>http://127.0.0.1:41234</c>.</summary>
    public Uri BaseAddress
    {
        get
        {
            StartServer();
            var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            return new Uri(address);
        }
    }

    /// <summary>An HttpClient for the real socket (not an in-memory handler).</summary>
    public HttpClient CreateLoopbackClient() => new() { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(_environment);
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureServices(services =>
        {
            services.AddSingleton<ILoggerProvider>(new FakeLoggerProvider(Logs));
            _services?.Invoke(services);
        });
    }

    protected override IHost CreateHost(IHostBuilder builder)
    {
        var host = base.CreateHost(builder);
        _clock = host.Services.GetService<TimeProvider>() as FakeTimeProvider;
        return host;
    }

    /// <summary>
    /// Stops the host. Stopping waits on the host's clock too (the HTTP pipelines let a request
    /// in a retry's back-off finish), so a fake clock keeps moving until the stop is over.
    /// </summary>
    public override async ValueTask DisposeAsync()
    {
        var stopping = base.DisposeAsync().AsTask();
        while (_clock is { } clock && !stopping.IsCompleted)
        {
            await Task.WhenAny(stopping, Task.Delay(TimeSpan.FromMilliseconds(50))).ConfigureAwait(false);
            clock.Advance(TimeSpan.FromSeconds(1));
        }

        await stopping.WaitAsync(TimeSpan.FromMinutes(1)).ConfigureAwait(false);
    }
}
