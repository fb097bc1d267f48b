using System.Net.Http.Headers;
using PhoneBridge.Testing.Sessions;
using PhoneBridge.Testing.Web;

namespace PinCovisor.Web.Tests.BadInput;

/// <summary>
/// One host (embedded Garnet) that every bad-input case hits in turn, so damage one case leaves
/// behind shows up in the next: a seeded session with its customer and agent, Twilio's part, the APIs.
/// </summary>
public sealed class BadInputHost : IAsyncLifetime
{
    private SeededSession? _session;

    public PinCovisorHost Host { get; } = new(new Dictionary<string, string?>
    {
        ["ConnectionStrings:Redis"] = "",
        [SessionsApi.TrustLoopbackProxy.Key] = SessionsApi.TrustLoopbackProxy.Value,
        ["Ivr:OrderLookup:Enabled"] = "true",
    });

    public HttpClient Http { get; private set; } = null!;

    public TwilioCaller Twilio { get; private set; } = null!;

    public SeededSession Session => _session ?? throw new InvalidOperationException("The host has not started.");

    public async Task InitializeAsync()
    {
        Http = Host.CreateLoopbackClient();
        Twilio = new TwilioCaller(Host.CreateLoopbackClient());
        _session = await SessionSeeder.SeedAsync(Host);
    }

    /// <summary>A loopback client from its own client address, with the bearer token if given.</summary>
    public HttpClient ClientWith(string? token)
    {
        var client = Host.CreateLoopbackClient();
        client.DefaultRequestHeaders.Add("X-Forwarded-For", SessionsApi.RandomAddress());
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return client;
    }

    public async Task DisposeAsync()
    {
        Http.Dispose();
        await Host.DisposeAsync();
    }
}
