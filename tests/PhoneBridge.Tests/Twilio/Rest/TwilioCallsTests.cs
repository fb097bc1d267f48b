using System.Net;

using PhoneBridge.Testing.Web;
using PhoneBridge.Twilio.Rest;
using PhoneBridge.Twilio.Rest.Simulation;

using TwilioMethod = Twilio.Http.HttpMethod;
using TwilioRequest = Twilio.Http.Request;

namespace PhoneBridge.Tests.Twilio.Rest;

public sealed class TwilioCallsTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private const string Twiml = "<Response><Say>Ana is on the line</Say></Response>";

    [Fact]
    public async Task ACallPlacedThroughTheSdkIsCreatedWithItsUrlsAndItsStatusCanBeFetchedAsItMoves()
    {
        await using var api = await LoopbackTwilioApi.StartAsync();
        await using var rest = RestServices.For(api.BaseAddress);
        var created = new List<SimulatedCall>();
        api.Api.CallCreated += (_, call) => created.Add(call);

        var placed = await rest.Calls.CreateAsync("+34600000001", "+34910000000",
            new Uri("https://shop.example/twilio/voice/agent"), new Uri("https://shop.example/twilio/status")).WaitAsync(Timeout);

        placed.Succeeded.Should().BeTrue();
        var call = created.Should().ContainSingle().Subject;
        call.Sid.Should().Be(placed.Value);
        (call.To, call.From, call.Direction).Should().Be(("+34600000001", "+34910000000", "outbound-api"));
        call.Url.Should().Be(new Uri("https://shop.example/twilio/voice/agent"));
        call.StatusCallback.Should().Be(new Uri("https://shop.example/twilio/status"));
        call.StatusCallbackEvents.Should().Equal("initiated", "ringing", "answered", "completed");
        (await rest.Calls.FetchStatusAsync(placed.Value!).WaitAsync(Timeout)).Value.Should().Be("queued");
        api.Api.SetStatus(placed.Value!, "in-progress");
        (await rest.Calls.FetchStatusAsync(placed.Value!).WaitAsync(Timeout)).Value.Should().Be("in-progress");
        api.Requests.Select(r => $"{r.Method} {r.Path}").Should().Equal(
            $"POST /2010-04-01/Accounts/{LoopbackTwilioApi.AccountSid}/Calls.json",
            $"GET /2010-04-01/Accounts/{LoopbackTwilioApi.AccountSid}/Calls/{placed.Value}.json",
            $"GET /2010-04-01/Accounts/{LoopbackTwilioApi.AccountSid}/Calls/{placed.Value}.json");
    }

    [Fact]
    public async Task UpdatingALiveCallWithTwimlRedirectsItAndTheSimulatorHearsOfIt()
    {
        await using var api = await LoopbackTwilioApi.StartAsync();
        await using var rest = RestServices.For(api.BaseAddress);
        var callSid = NewCallSid();
        api.Api.AddCall(callSid, "+34611222333", "+34910000000");
        var updates = new List<SimulatedCallUpdate>();
        api.Api.CallUpdated += (_, update) => updates.Add(update);

        var updated = await rest.Calls.UpdateTwimlAsync(callSid, Twiml).WaitAsync(Timeout);

        updated.Should().Be(new TwilioRestResult<string>("in-progress", null));
        updates.Should().ContainSingle().Which.Twiml.Should().Be(Twiml);
        api.Api.FindCall(callSid)!.Twiml.Should().Be(Twiml);
        api.Requests.Should().ContainSingle().Which.Field("Twiml").Should().Be(Twiml);
    }

    [Fact]
    public async Task AnUnknownCallFetchesAsNullAndItsUpdateComesBackAsTwiliosNotFound()
    {
        await using var api = await LoopbackTwilioApi.StartAsync();
        await using var rest = RestServices.For(api.BaseAddress);
        var callSid = NewCallSid();

        var fetched = await rest.Calls.FetchStatusAsync(callSid).WaitAsync(Timeout);
        var updated = await rest.Calls.UpdateTwimlAsync(callSid, Twiml).WaitAsync(Timeout);

        fetched.Should().Be(new TwilioRestResult<string>(null, null));
        updated.Error.Should().BeEquivalentTo(new { Failure = TwilioRestFailure.Refused, Status = 404, Code = 20404 });
        updated.Error!.Message.Should().Contain("was not found");
    }

    [Fact]
    public async Task RedirectingACallThatEndedIsRefusedAsTwilioDoes()
    {
        await using var api = await LoopbackTwilioApi.StartAsync();
        await using var rest = RestServices.For(api.BaseAddress);
        var callSid = NewCallSid();
        api.Api.AddCall(callSid, "+34611222333", "+34910000000", status: "completed");

        var updated = await rest.Calls.UpdateTwimlAsync(callSid, Twiml).WaitAsync(Timeout);

        updated.Error.Should().BeEquivalentTo(new { Failure = TwilioRestFailure.Refused, Status = 400, Code = 21220 });
    }

    [Fact]
    public async Task AFetchAnsweredServiceUnavailableOrDroppedIsSentAgain()
    {
        await using var api = await LoopbackTwilioApi.StartAsync();
        await using var rest = RestServices.For(api.BaseAddress);
        var callSid = NewCallSid();
        api.Api.AddCall(callSid, "+34611222333", "+34910000000", status: "ringing");
        api.FailNext(1, HttpStatusCode.ServiceUnavailable);

        var afterFailure = await rest.Calls.FetchStatusAsync(callSid).WaitAsync(Timeout);
        api.DropNext(1);
        var afterDrop = await rest.Calls.FetchStatusAsync(callSid).WaitAsync(Timeout);

        afterFailure.Value.Should().Be("ringing");
        afterDrop.Value.Should().Be("ringing");
        api.Attempts.Should().Be(4);
    }

    [Fact]
    public async Task AFetchThatTimesOutIsSentAgain()
    {
        await using var api = await LoopbackTwilioApi.StartAsync();
        await using var rest = RestServices.For(api.BaseAddress, new() { ["Twilio:ApiAttemptTimeout"] = "00:00:01" });
        var callSid = NewCallSid();
        api.Api.AddCall(callSid, "+34611222333", "+34910000000");
        (await rest.Calls.FetchStatusAsync(callSid).WaitAsync(Timeout)).Succeeded.Should().BeTrue();
        var held = api.HoldNext(1);

        var fetched = await rest.Calls.FetchStatusAsync(callSid).WaitAsync(Timeout);

        fetched.Value.Should().Be("in-progress");
        held.IsCompleted.Should().BeTrue();
        api.Attempts.Should().Be(3);
    }

    [Fact]
    public async Task ACreateAnsweredWithAServerErrorIsNeverSentAgain()
    {
        await using var api = await LoopbackTwilioApi.StartAsync();
        await using var rest = RestServices.For(api.BaseAddress);
        api.FailNext(1, HttpStatusCode.InternalServerError);

        var placed = await rest.Calls.CreateAsync("+34600000001", "+34910000000", new Uri("https://shop.example/a"), null).WaitAsync(Timeout);

        placed.Error.Should().BeEquivalentTo(new { Failure = TwilioRestFailure.Refused, Status = 500, Code = 20500 });
        api.Attempts.Should().Be(1, "a second POST could ring the agent twice");
    }

    [Fact]
    public async Task AnErrorPageThatIsNotTwiliosComesBackAsARefusalWithoutStatusOrCodeAndIsNotSentAgain()
    {
        await using var api = await LoopbackTwilioApi.StartAsync();
        await using var rest = RestServices.For(api.BaseAddress);
        api.FailNext(1, HttpStatusCode.BadGateway, asTwilio: false);

        var placed = await rest.Calls.CreateAsync("+34600000001", "+34910000000", new Uri("https://shop.example/a"), null).WaitAsync(Timeout);

        placed.Error.Should().BeEquivalentTo(new { Failure = TwilioRestFailure.Refused, Status = (int?)null, Code = (int?)null });
        api.Attempts.Should().Be(1);
    }

    [Theory]
    [InlineData("../../Messages")]
    [InlineData("CA123")]
    [InlineData("")]
    public async Task ACallSidThatIsNotOneIsRefusedBeforeAnythingIsSent(string callSid)
    {
        await using var api = await LoopbackTwilioApi.StartAsync();
        await using var rest = RestServices.For(api.BaseAddress);

        var fetched = await rest.Calls.FetchStatusAsync(callSid).WaitAsync(Timeout);
        var updated = await rest.Calls.UpdateTwimlAsync(callSid, Twiml).WaitAsync(Timeout);

        fetched.Error!.Failure.Should().Be(TwilioRestFailure.InvalidInput);
        updated.Error!.Failure.Should().Be(TwilioRestFailure.InvalidInput);
        api.Attempts.Should().Be(0);
    }

    [Fact]
    public async Task ARequestForAnEdgeAndRegionReachesTheBaseUrlWithItsPathAndQueryKept()
    {
        await using var api = await LoopbackTwilioApi.StartAsync();
        await using var rest = RestServices.For(api.BaseAddress);
        var callSid = NewCallSid();
        api.Api.AddCall(callSid, "+34611222333", "+34910000000");
        var path = $"/2010-04-01/Accounts/{LoopbackTwilioApi.AccountSid}/Calls/{callSid}.json";

        var answer = await rest.Rest.CallAsync("Edge fetch", client => client.RequestAsync(new TwilioRequest(
            TwilioMethod.Get, global::Twilio.Rest.Domain.Api, path, region: "ie1", edge: "dublin",
            queryParams: [new("PageSize", "1")])), CancellationToken.None).WaitAsync(Timeout);

        answer.Value!.StatusCode.Should().Be(HttpStatusCode.OK);
        api.Requests.Should().ContainSingle().Which.Path.Should().Be(path);
    }

    [Fact]
    public async Task ARequestForAnotherTwilioProductNeverLeavesForTwilioWhenTheBaseUrlIsElsewhere()
    {
        await using var api = await LoopbackTwilioApi.StartAsync();
        await using var rest = RestServices.For(api.BaseAddress);

        var answer = await rest.Rest.CallAsync("Other product", client => client.RequestAsync(new TwilioRequest(
            TwilioMethod.Get, global::Twilio.Rest.Domain.Messaging, "/v1/Services")), CancellationToken.None).WaitAsync(Timeout);

        answer.Error!.Failure.Should().Be(TwilioRestFailure.Unreachable);
        api.Attempts.Should().Be(0);
    }

    private static string NewCallSid() => "CA" + Guid.NewGuid().ToString("N");
}
