using System.Net;
using PhoneBridge.Testing.Hub;
using PhoneBridge.Testing.Sessions;
using PhoneBridge.Testing.Web;
using PinCovisor.Web.Hub;

namespace PinCovisor.Web.Tests.Resilience;

/// <summary>
/// A session reached the way a caller reaches it: the IVR reads a PIN, Ana answers, the caller types
/// the PIN on the shop's site and Ana admits them. Both are on the hub (reconnecting, rejoining with
/// their last sequence number) and have joined the session.
/// </summary>
internal sealed class AdmittedCall(PlacedCall call, string sessionId, string customerToken, HubClient customer, string agentToken, HubClient agent)
    : IAsyncDisposable
{
    public PlacedCall Call { get; } = call;

    public string SessionId { get; } = sessionId;

    public string CustomerToken { get; } = customerToken;

    /// <summary>The customer's hub connection; a test may replace it (a reconnect to another host).</summary>
    public HubClient Customer { get; set; } = customer;

    public string AgentToken { get; } = agentToken;

    public HubClient Agent { get; } = agent;

    /// <summary>Plays the call on <paramref name="customerHost"/>'s webhooks; Ana works from <paramref name="agentHost"/>.</summary>
    public static Task<AdmittedCall> StartAsync(PinCovisorHost customerHost, PinCovisorHost agentHost)
    {
        ArgumentNullException.ThrowIfNull(customerHost);
        ArgumentNullException.ThrowIfNull(agentHost);
        return StartAsync(FrontDoor.Of(customerHost), FrontDoor.Of(agentHost), agentHost);
    }

    /// <summary>
    /// Plays the call (Twilio's webhooks, the site, the customer's hub connection) through
    /// <paramref name="customerDoor"/>; Ana, whose token <paramref name="issuer"/> issues, works
    /// through <paramref name="agentDoor"/>.
    /// </summary>
    public static async Task<AdmittedCall> StartAsync(FrontDoor customerDoor, FrontDoor agentDoor, PinCovisorHost issuer)
    {
        ArgumentNullException.ThrowIfNull(customerDoor);
        ArgumentNullException.ThrowIfNull(agentDoor);
        var twilio = new TwilioCaller(customerDoor.CreateClient());
        var call = await Caller.CallAsync(twilio);
        await Caller.AnswerAsync(twilio, call.CallSid, "+34600000001");
        var agentToken = await SessionSeeder.AgentTokenAsync(issuer, "ana");
        var agent = await HubClient.ConnectAsync(agentDoor.BaseAddress, agentToken, reconnect: true, trustServer: agentDoor.TrustServer);

        var joined = await new SessionsApi(customerDoor.CreateClient()).JoinedAsync(call.Pin);
        var id = joined.SessionId;
        var customer = await HubClient.ConnectAsync(customerDoor.BaseAddress, joined.Token, reconnect: true, trustServer: customerDoor.TrustServer);
        await customer.JoinAsync(id);
        var arrived = await agent.Events.WaitAsync(() => agent.Events.Arrivals, a => a.Any(e => e.Kind == EventKinds.ParticipantJoined));
        var participantId = arrived.First(e => e.Kind == EventKinds.ParticipantJoined).DataAs<ParticipantJoined>().ParticipantId;
        using var admit = await new SessionsApi(agentDoor.CreateClient())
            .PostAsync($"/api/sessions/{id}/participants/{participantId}/admit", agentToken);
        admit.StatusCode.Should().Be(HttpStatusCode.OK);
        await customer.Events.WaitAsync(() => customer.Events.Arrivals, a => a.Any(e => e.Kind == EventKinds.Admission));
        (await customer.JoinAsync(id)).Admission.Should().Be("admitted");
        (await agent.JoinAsync(id)).Admission.Should().Be("admitted");
        return new AdmittedCall(call, id, joined.Token, customer, agentToken, agent);
    }

    /// <summary>
    /// The customer chats and the agent draws, <paramref name="count"/> times each, alternately (texts and
    /// stroke ids carry <paramref name="label"/>); returns the last sequence number.
    /// </summary>
    public async Task<long> ExchangeAsync(string label, int count)
    {
        var last = 0L;
        for (var i = 0; i < count; i++)
        {
            await Customer.ChatAsync(SessionId, $"{label} customer {i}");
            last = await Agent.InvokeAsync<long>("AddStroke", SessionId, new StrokeInput($"{label}-{i}", [0.1, 0.2, 0.3, 0.4], "#ff0000", 3));
        }

        return last;
    }

    /// <summary>Waits until both sides have applied every event up to <paramref name="seq"/>, and asserts they saw the same ones, 1…seq.</summary>
    public async Task<IReadOnlyList<CovisorEvent>> BothSeeAsync(long seq)
    {
        var atCustomer = await Customer.Events.WaitForCountAsync(SessionId, (int)seq);
        var atAgent = await Agent.Events.WaitForCountAsync(SessionId, (int)seq);
        atCustomer.Select(e => e.Seq).Should().Equal(Enumerable.Range(1, atCustomer.Count).Select(i => (long)i), "no gap, no repeat");
        atCustomer.Select(e => (e.Seq, e.Kind)).Should().Equal(atAgent.Select(e => (e.Seq, e.Kind)));
        atCustomer.Should().HaveCount((int)seq, "nothing beyond what was sent");
        return atCustomer;
    }

    public async ValueTask DisposeAsync()
    {
        await Customer.DisposeAsync();
        await Agent.DisposeAsync();
    }
}
