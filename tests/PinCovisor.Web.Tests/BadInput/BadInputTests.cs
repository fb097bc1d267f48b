using System.Net;
using System.Text.Json;
using System.Xml.Linq;
using PhoneBridge.Testing.Sessions;
using PhoneBridge.Testing.Web;

namespace PinCovisor.Web.Tests.BadInput;

/// <summary>
/// Every case in <see cref="Cases"/> against one running host: the right 4xx as a problem (JSON
/// APIs) or TwiML that still routes the caller (Twilio), never a 5xx or an error in the log; and
/// after each one the host is still healthy and a normal call still gets a PIN.
/// </summary>
[Collection(RedisCollection.Name)]
public sealed class BadInputTests(BadInputHost host) : IClassFixture<BadInputHost>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    private static readonly Dictionary<string, BadInputCase> ByName =
        JsonCases.All().Concat(PinCases.All()).Concat(UploadCases.All()).Concat(TwilioCases.All()).ToDictionary(c => c.Name);

    public static TheoryData<string> Cases => new(ByName.Keys);

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task BadInputGetsAClearRefusalAndTheHostStaysHealthy(string name)
    {
        var badInput = ByName[name];
        var linesBefore = host.Host.Logs.Lines.Count;

        using var response = await badInput.Send(host).WaitAsync(Timeout);
        var body = await response.Content.ReadAsStringAsync().WaitAsync(Timeout);

        response.StatusCode.Should().Be(badInput.Status, "the answer was {0} and the host logged {1}", body,
            string.Join('\n', host.Host.Logs.Lines.Skip(linesBefore)));
        switch (badInput.Answer)
        {
            case Answer.Problem:
                response.Content.Headers.ContentType?.MediaType.Should().Be("application/problem+json", body);
                JsonDocument.Parse(body).RootElement.GetProperty("status").GetInt32().Should().Be((int)badInput.Status);
                break;
            case Answer.TwiML:
                response.Content.Headers.ContentType?.MediaType.Should().Be("application/xml", body);
                var twiml = XDocument.Parse(body);
                twiml.Root!.Name.LocalName.Should().Be("Response");
                twiml.Root.Elements().Should().NotBeEmpty("the caller (or the agent, on a whisper) must hear something");
                break;
        }

        host.Host.Logs.Lines.Skip(linesBefore).Should().NotContain(l => l.StartsWith("Error ", StringComparison.Ordinal) || l.StartsWith("Critical ", StringComparison.Ordinal),
            "bad input is the sender's mistake, not a fault of ours");
        await HostStillServesAsync();
    }

    private async Task HostStillServesAsync()
    {
        using var healthz = await host.Http.GetAsync(new Uri("/healthz", UriKind.Relative)).WaitAsync(Timeout);
        using var readyz = await host.Http.GetAsync(new Uri("/readyz", UriKind.Relative)).WaitAsync(Timeout);
        var call = await Caller.CallAsync(host.Twilio).WaitAsync(Timeout);

        healthz.StatusCode.Should().Be(HttpStatusCode.OK);
        readyz.StatusCode.Should().Be(HttpStatusCode.OK);
        call.Pin.Should().MatchRegex("^[0-9]{6}$", "a normal call still gets a PIN");
    }
}
