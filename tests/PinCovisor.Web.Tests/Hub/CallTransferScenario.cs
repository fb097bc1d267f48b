using Microsoft.AspNetCore.SignalR.Client;
using System.Xml.Linq;
using PhoneBridge.Testing.Hub;
using PhoneBridge.Testing.Redis;
using PhoneBridge.Testing.Sessions;
using PhoneBridge.Testing.Web;
using PinCovisor.Web.Hub;
using PinCovisor.Web.Tests.Ivr;
using PinCovisor.Web.Tests.Security;

namespace PinCovisor.Web.Tests.Hub;

/// <summary>
/// A call answered by ana (by the key on her number, or from the queue on her softphone) whose
/// caller joined its session and was admitted, with Twilio's REST API served on loopback.
/// </summary>
internal sealed class CallTransferScenario : IAsyncDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private CallTransferScenario(LoopbackTwilioApi api, PinCovisorHost host, TwilioCaller twilio, string callSid, CallSession session)
    {
        Api = api;
        Host = host;
        Twilio = twilio;
        CallSid = callSid;
        Session = session;
    }

    public LoopbackTwilioApi Api { get; }

    public PinCovisorHost Host { get; }

    public TwilioCaller Twilio { get; }

    public string CallSid { get; }

    public CallSession Session { get; }

    public string SessionId => Session.Id;

    /// <summary>Ana's connection, in charge of the session.</summary>
    public HubClient Ana => Session.Agent;

    public HubClient Customer => Session.Customer;

    public static async Task<CallTransferScenario> StartAsync(RedisServers servers, RedisServerKind kind, bool enqueue = false, string? accountSid = null, IDictionary<string, string?>? settings = null)
    {
        var api = await LoopbackTwilioApi.StartAsync();
        var host = HostFactory.Start(servers, kind, ShopSettings.With(new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>())
        {
            [SessionsApi.TrustLoopbackProxy.Key] = SessionsApi.TrustLoopbackProxy.Value,
            ["Twilio:ApiBaseUrl"] = api.BaseAddress.ToString(),
            ["Ivr:Routing"] = enqueue ? "Enqueue" : "Dial",
            ["Twilio:AccountSid"] = accountSid ?? LoopbackTwilioApi.AccountSid,
        }));
        var twilio = new TwilioCaller(host.CreateLoopbackClient());
        var call = await Caller.CallAsync(twilio);
        // Twilio knows the caller's leg, in progress, as the REST API must find it.
        api.Api.AddCall(call.CallSid, "+34600111222", "+34910000000");
        if (enqueue)
        {
            var caller = TwilioCaller.InboundCall(call.CallSid);
            (await twilio.TwiMLAsync("/twilio/voice/route?attempt=1", caller)).Verbs("Enqueue").Should().ContainSingle();
            var agentLeg = TwilioCaller.NewCallSid();
            await twilio.TwiMLAsync("/twilio/voice/agent", [new("CallSid", agentLeg), new("From", "client:ana"), new("To", "+34910000000")]);
            await twilio.TwiMLAsync("/twilio/voice/dequeued", [.. caller, new("DequeingCallSid", agentLeg), new("QueueSid", "QU" + new string('2', 32))]);
        }
        else
        {
            await Caller.AnswerAsync(twilio, call.CallSid, "+34600000001");
        }

        var session = await CallSession.JoinAndAdmitAsync(host, call.Pin, "ana");
        return new CallTransferScenario(api, host, twilio, call.CallSid, session);
    }

    /// <summary>The TwiML of the one update the call has had, as Twilio's REST API received it.</summary>
    public XDocument UpdatedTwiml()
    {
        var update = Api.Requests.Should().ContainSingle(r => r.Method == "POST" && r.Path.EndsWith($"/Calls/{CallSid}.json", StringComparison.Ordinal))
            .Subject;
        return XDocument.Parse(update.Field("Twiml")!);
    }

    /// <summary>Twilio posts a dial's result to its action URL on the caller's leg.</summary>
    public Task<XDocument> DialEndedAsync(XDocument twiml, string dialCallStatus) =>
        Twilio.TwiMLAsync(new Uri(twiml.Verbs("Dial").Single().Attribute("action")!.Value).PathAndQuery,
            [.. TwilioCaller.InboundCall(CallSid).Where(f => f.Key != "CallStatus"), new("CallStatus", "in-progress"), new("DialCallStatus", dialCallStatus)]);

    /// <summary>Waits for the next <c>CallTransfer</c> notice pushed to <paramref name="agent"/>.</summary>
    public static Task<CallTransferNotice> NextNoticeAsync(HubClient agent)
    {
        var notice = new TaskCompletionSource<CallTransferNotice>(TaskCreationOptions.RunContinuationsAsynchronously);
        agent.Connection.On<CallTransferNotice>("CallTransfer", n => notice.TrySetResult(n));
        return notice.Task.WaitAsync(Timeout);
    }

    public async ValueTask DisposeAsync()
    {
        await Session.DisposeAsync();
        await Host.DisposeAsync();
        await Api.DisposeAsync();
    }
}
