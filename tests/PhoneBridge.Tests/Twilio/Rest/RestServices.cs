using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

using PhoneBridge.Testing.Web;
using PhoneBridge.Twilio.Messaging;
using PhoneBridge.Twilio.Rest;

namespace PhoneBridge.Tests.Twilio.Rest;

/// <summary>The REST clients as the host registers them, pointed at <paramref name="apiBaseUrl"/>.</summary>
internal sealed class RestServices(ServiceProvider services, CapturedLogs logs) : IAsyncDisposable
{
    public CapturedLogs Logs { get; } = logs;

    public ITwilioMessages Messages => services.GetRequiredService<ITwilioMessages>();

    public ITwilioCalls Calls => services.GetRequiredService<ITwilioCalls>();

    public TwilioRest Rest => services.GetRequiredService<TwilioRest>();

    public IEnumerable<EventId> Events => Logs.Entries.Select(e => e.Id);

    public static RestServices For(Uri apiBaseUrl, Dictionary<string, string?>? more = null)
    {
        Dictionary<string, string?> settings = new()
        {
            ["Twilio:AuthToken"] = PinCovisorHost.AuthToken,
            ["Twilio:AccountSid"] = LoopbackTwilioApi.AccountSid,
            ["Twilio:ApiBaseUrl"] = apiBaseUrl.ToString(),
        };
        foreach (var (key, value) in more ?? [])
        {
            settings[key] = value;
        }

        ServiceCollection services = new();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        CapturedLogs logs = new();
        services.AddLogging(l => l.AddProvider(logs).SetMinimumLevel(LogLevel.Debug));
        services.AddTwilioProtocol();
        services.AddTwilioRest();
        return new RestServices(services.BuildServiceProvider(validateScopes: true), logs);
    }

    public ValueTask DisposeAsync() => services.DisposeAsync();
}
