using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using PhoneBridge.Twilio;

using PhoneBridge.Testing.Web;
using PhoneBridge.Twilio.Messaging;
using PhoneBridge.Twilio.Rest;

namespace PhoneBridge.Tests.Twilio.Rest;

/// <summary>The REST clients as the host registers them, pointed at <paramref name="apiBaseUrl"/>.</summary>
internal sealed class RestServices(ServiceProvider services) : IAsyncDisposable
{
    public FakeLogCollector Logs => services.GetFakeLogCollector();

    public ITwilioMessages Messages => services.GetRequiredService<ITwilioMessages>();

    public ITwilioCalls Calls => services.GetRequiredService<ITwilioCalls>();

    public TwilioRest Rest => services.GetRequiredService<TwilioRest>();

    public IEnumerable<EventId> Events => Logs.GetSnapshot().Select(e => e.Id);

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

        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.AddFakeLogging().SetMinimumLevel(LogLevel.Debug);
        builder.AddTwilio();
        return new RestServices(builder.Services.BuildServiceProvider(validateScopes: true));
    }

    public ValueTask DisposeAsync() => services.DisposeAsync();
}
