using System.Security.Cryptography;
using PhoneBridge.Testing.Hub;
using PhoneBridge.Testing.Sessions;
using PhoneBridge.Testing.Web;
using PinCovisor.Web.Hub;

namespace PinCovisor.Web.Tests.Resilience;

/// <summary>The embedded store with a data directory, as <c>dotnet run</c> starts it: a restart keeps what it held.</summary>
public sealed class EmbeddedStoreRestartTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("embedded-store-").FullName;
    private readonly string _pinKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    [Fact]
    public async Task AHostStoppedAndStartedOnTheSameDirectoryKeepsTheSessionItsHistoryItsTokensAndAnUnusedPin()
    {
        var first = Start();
        AdmittedCall? call = null;
        string pendingPin;
        IReadOnlyList<CovisorEvent> before;
        try
        {
            first.Logs.Lines.Should().Contain(l => l.Contains("data in " + _directory, StringComparison.Ordinal));
            call = await AdmittedCall.StartAsync(first, first);
            before = await call.BothSeeAsync(await call.ExchangeAsync("before", 3));
            // A second caller heard a PIN and has not typed it yet.
            var twilio = new TwilioCaller(first.CreateLoopbackClient());
            var pending = await Caller.CallAsync(twilio);
            await Caller.AnswerAsync(twilio, pending.CallSid, "+34600000002");
            pendingPin = pending.Pin;
        }
        finally
        {
            if (call is not null)
            {
                await call.DisposeAsync();
            }

            await first.DisposeAsync();
        }

        await using var second = Start();
        await using var agent = await HubClient.ConnectAsync(second.BaseAddress, call.AgentToken);
        var replayed = (await agent.JoinAsync(call.SessionId)).Events;
        replayed.Select(e => (e.Seq, e.Kind)).Should().Equal(before.Select(e => (e.Seq, e.Kind)), "the whole history, in order");
        await using var customer = await HubClient.ConnectAsync(second.BaseAddress, call.CustomerToken);
        (await customer.JoinAsync(call.SessionId)).Admission.Should().Be("admitted");

        // Live again on the restarted host: a line from the customer reaches the agent as a push.
        var seq = await customer.ChatAsync(call.SessionId, "sigo aquí");
        (await agent.Events.WaitForKindAsync(call.SessionId, EventKinds.ChatMessage, e => e.Seq == seq)).Seq.Should().Be(before[^1].Seq + 1);

        var joined = await new SessionsApi(second.CreateLoopbackClient()).JoinedAsync(pendingPin);
        joined.SessionId.Should().NotBe(call.SessionId);
    }

    [Fact]
    public async Task ASecondHostOnADirectoryInUseRefusesToStartAndSaysWhy()
    {
        await using var first = Start();

        using var second = new PinCovisorHost(Settings());
        var start = () => second.BaseAddress;

        start.Should().Throw<IOException>().Which.Message.Should()
            .Contain(_directory).And.Contain("Redis:EmbeddedDataDir").And.Contain("ConnectionStrings:Redis");
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private PinCovisorHost Start()
    {
        var host = new PinCovisorHost(Settings());
        _ = host.BaseAddress;
        return host;
    }

    private Dictionary<string, string?> Settings() => new()
    {
        ["ConnectionStrings:Redis"] = "",
        [PinCovisorHost.EmbeddedDataDirKey] = _directory,
        ["Pins:SecretKey"] = _pinKey,
        [SessionsApi.TrustLoopbackProxy.Key] = SessionsApi.TrustLoopbackProxy.Value,
    };
}
