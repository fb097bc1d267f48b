using System.Net;
using System.Text;

using PhoneBridge.Testing.Web;
using PhoneBridge.Twilio.Messaging;

namespace PhoneBridge.Tests.Twilio.Rest;

public sealed class TwilioMessagesTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task ATextSentThroughTheSdkArrivesWithTheAccountsBasicAuthAndTwiliosForm()
    {
        await using var api = await LoopbackTwilioApi.StartAsync();
        await using var rest = RestServices.For(api.BaseAddress);

        var sent = await rest.Messages.SendTextAsync("+34611222333", "+34910000000", "Tu PIN es 123456").WaitAsync(Timeout);

        sent.Should().BeTrue();
        var request = api.Requests.Should().ContainSingle().Subject;
        request.Method.Should().Be("POST");
        request.Path.Should().Be($"/2010-04-01/Accounts/{LoopbackTwilioApi.AccountSid}/Messages.json");
        request.Authorization.Should().Be("Basic " + Convert.ToBase64String(
            Encoding.UTF8.GetBytes($"{LoopbackTwilioApi.AccountSid}:{PinCovisorHost.AuthToken}")));
        request.Form.Should().BeEquivalentTo(new Dictionary<string, string>
        {
            ["To"] = "+34611222333", ["From"] = "+34910000000", ["Body"] = "Tu PIN es 123456",
        });
        api.Received.Should().ContainSingle().Which.Body.Should().Be("Tu PIN es 123456");
    }

    [Fact]
    public async Task AWhatsAppTemplateGoesWithItsContentSidVariablesAttachmentAndStatusCallbackAndReturnsTheMessageSid()
    {
        await using var api = await LoopbackTwilioApi.StartAsync();
        await using var rest = RestServices.For(api.BaseAddress);
        var message = new OutboundMessage("whatsapp:+34611222333", "whatsapp:+34910000000")
        {
            ContentSid = "HX0123456789abcdef0123456789abcdef",
            ContentVariables = "{\"1\":\"Lucía\"}",
            MediaUrl = new Uri("https://shop.example/m/abc.jpg"),
            StatusCallback = new Uri("https://shop.example/twilio/messaging/status"),
        };

        var sent = await rest.Messages.SendAsync(message).WaitAsync(Timeout);

        sent.Succeeded.Should().BeTrue();
        sent.Value.Should().StartWith("SM");
        api.Requests.Should().ContainSingle().Which.Form.Should().BeEquivalentTo(new Dictionary<string, string>
        {
            ["To"] = "whatsapp:+34611222333", ["From"] = "whatsapp:+34910000000",
            ["ContentSid"] = "HX0123456789abcdef0123456789abcdef", ["ContentVariables"] = "{\"1\":\"Lucía\"}",
            ["MediaUrl"] = "https://shop.example/m/abc.jpg", ["StatusCallback"] = "https://shop.example/twilio/messaging/status",
        });
    }

    [Theory]
    [InlineData(HttpStatusCode.InternalServerError)]
    [InlineData(HttpStatusCode.BadGateway)]
    [InlineData(HttpStatusCode.ServiceUnavailable)]
    public async Task ATextAnsweredWithAServerErrorIsNeverSentAgainAndTheRefusalIsLoggedWithTwiliosCode(HttpStatusCode status)
    {
        await using var api = await LoopbackTwilioApi.StartAsync();
        api.FailNext(1, status);
        await using var rest = RestServices.For(api.BaseAddress);

        var sent = await rest.Messages.SendTextAsync("+34611222333", "+34910000000", "PIN").WaitAsync(Timeout);

        sent.Should().BeFalse();
        api.Attempts.Should().Be(1, "Twilio may have queued the text before failing");
        rest.Logs.GetSnapshot().Should().ContainSingle(e => e.Id.Id == 1151).Which.Message
            .Should().Be($"SMS refused by Twilio's REST API with status {(int)status}, error {20000 + (int)status}");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ATextWhoseConnectionDropsAfterItArrivedIsNeverSentAgain(bool onAConnectionAlreadyUsed)
    {
        await using var api = await LoopbackTwilioApi.StartAsync();
        await using var rest = RestServices.For(api.BaseAddress);
        if (onAConnectionAlreadyUsed)
        {
            (await rest.Messages.SendTextAsync("+34611222333", "+34910000000", "first").WaitAsync(Timeout)).Should().BeTrue();
        }

        api.DropNext(1);
        var sent = await rest.Messages.SendTextAsync("+34611222333", "+34910000000", "PIN").WaitAsync(Timeout);

        sent.Should().BeFalse();
        api.Requests.Count(r => r.Field("Body") == "PIN").Should().Be(1);
        rest.Events.Should().Contain(new Microsoft.Extensions.Logging.EventId(1152)).And.NotContain(e => e.Id == 1153);
    }

    [Fact]
    public async Task ATextThatTimesOutIsNeverSentAgain()
    {
        await using var api = await LoopbackTwilioApi.StartAsync();
        await using var rest = RestServices.For(api.BaseAddress, new() { ["Twilio:ApiAttemptTimeout"] = "00:00:01" });
        (await rest.Messages.SendTextAsync("+34611222333", "+34910000000", "first").WaitAsync(Timeout)).Should().BeTrue();
        var held = api.HoldNext(1);

        var sent = await rest.Messages.SendTextAsync("+34611222333", "+34910000000", "PIN").WaitAsync(Timeout);

        sent.Should().BeFalse();
        held.IsCompleted.Should().BeTrue("the request reached the server before it timed out");
        api.Requests.Count(r => r.Field("Body") == "PIN").Should().Be(1);
        api.Received.Should().ContainSingle().Which.Body.Should().Be("first");
    }

    [Fact]
    public async Task ACancelledTextAbortsItsRequestAndThrows()
    {
        await using var api = await LoopbackTwilioApi.StartAsync();
        var held = api.HoldNext(1);
        await using var rest = RestServices.For(api.BaseAddress, new() { ["Twilio:ApiAttemptTimeout"] = "00:00:10" });
        using var cancellation = new CancellationTokenSource();

        var send = rest.Messages.SendTextAsync("+34611222333", "+34910000000", "PIN", cancellation.Token);
        await held.WaitAsync(Timeout);
        await cancellation.CancelAsync();

        await send.Invoking(s => s.WaitAsync(Timeout)).Should().ThrowAsync<OperationCanceledException>();
        api.Attempts.Should().Be(1);
    }

    [Fact]
    public async Task ARateLimitedTextIsSentAgainAndArrivesOnce()
    {
        await using var api = await LoopbackTwilioApi.StartAsync();
        api.FailNext(1, HttpStatusCode.TooManyRequests);
        await using var rest = RestServices.For(api.BaseAddress);

        var sent = await rest.Messages.SendTextAsync("+34611222333", "+34910000000", "PIN").WaitAsync(Timeout);

        sent.Should().BeTrue();
        api.Attempts.Should().Be(2);
        api.Received.Should().ContainSingle();
    }

    [Fact]
    public async Task ATextRefusedAtConnectIsTriedAgainThenReportedUnreachable()
    {
        var closed = new Uri($"http://127.0.0.1:{LoopbackPorts.Unused()}");
        await using var rest = RestServices.For(closed);

        var sent = await rest.Messages.SendTextAsync("+34611222333", "+34910000000", "PIN").WaitAsync(Timeout);

        sent.Should().BeFalse();
        rest.Logs.GetSnapshot().Where(e => e.Id.Id == 1153).Select(e => e.Message).Should().Equal(
            "Twilio REST POST sent again (retry 1) after HttpRequestException",
            "Twilio REST POST sent again (retry 2) after HttpRequestException");
        rest.Logs.GetSnapshot().Should().ContainSingle(e => e.Id.Id == 1152).Which.Message
            .Should().Be("SMS not done: Twilio's REST API unreachable (HttpRequestException: ConnectionError)");
    }

    [Fact]
    public async Task AWrongAuthTokenIsRefusedWithTwiliosCodeAndNeverLogged()
    {
        await using var api = await LoopbackTwilioApi.StartAsync();
        const string WrongToken = "wrong-token-0123456789abcdef0000";
        await using var rest = RestServices.For(api.BaseAddress, new() { ["Twilio:AuthToken"] = WrongToken });

        var sent = await rest.Messages.SendTextAsync("+34611222333", "+34910000000", "PIN").WaitAsync(Timeout);

        sent.Should().BeFalse();
        rest.Logs.GetSnapshot().Should().ContainSingle(e => e.Id.Id == 1151).Which.Message.Should().EndWith("status 401, error 20003");
        rest.Logs.GetSnapshot().Should().NotContain(e => e.Message.Contains(WrongToken, StringComparison.Ordinal)
            || e.Message.Contains("611222333", StringComparison.Ordinal));
    }

    [Fact]
    public async Task WithoutAnAccountSidNothingIsSentAndTheLogSaysWhichKeyIsMissing()
    {
        await using var api = await LoopbackTwilioApi.StartAsync();
        await using var rest = RestServices.For(api.BaseAddress, new() { ["Twilio:AccountSid"] = "" });

        var sent = await rest.Messages.SendTextAsync("+34611222333", "+34910000000", "PIN").WaitAsync(Timeout);

        sent.Should().BeFalse();
        api.Attempts.Should().Be(0);
        rest.Logs.GetSnapshot().Should().ContainSingle(e => e.Id.Id == 1150).Which.Message.Should().Contain("Twilio:AccountSid");
    }

    [Fact]
    public async Task AnApiBaseUrlWithAPathPrefixKeepsThePrefixBeforeTwiliosPath()
    {
        await using var api = await LoopbackTwilioApi.StartAsync("/twilio-api");
        await using var rest = RestServices.For(api.BaseAddress);

        var sent = await rest.Messages.SendTextAsync("+34611222333", "+34910000000", "PIN").WaitAsync(Timeout);

        sent.Should().BeTrue();
        api.BaseAddress.AbsolutePath.Should().Be("/twilio-api");
        api.Requests.Should().ContainSingle().Which.Path.Should().Be($"/twilio-api/2010-04-01/Accounts/{LoopbackTwilioApi.AccountSid}/Messages.json");
    }
}
