using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PhoneBridge.Testing.Sessions;
using PhoneBridge.Testing.Web;
using PinCovisor.EndToEnd.Browser;
using PinCovisor.EndToEnd.Pages;
using static Microsoft.Playwright.Assertions;

namespace PinCovisor.EndToEnd;

/// <summary>
/// The agent console where a newcomer used to trip, one behaviour per test, against the product as
/// it runs in Development (or a host of the test's own where it needs other settings).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class AgentConsoleTests(DevelopmentSite site, ITestOutputHelper output)
{
    private static readonly float Arrival = Limits.Ms(Limits.Arrival);

    [Fact]
    public async Task OnePressOfPlayStartsTheSharedVideoForTheAgentAndTheCustomerInStep()
    {
        await using var agent = await site.OpenAsync("agent", Device.Desktop, "en-GB");
        await using var customer = await site.OpenAsync("customer", Device.Phone, "es-ES");
        var shots = new Screenshots(nameof(OnePressOfPlayStartsTheSharedVideoForTheAgentAndTheCustomerInStep), output, agent, customer);

        await RecordingFailureAsync(shots, async () =>
        {
            var console = new AgentConsole(agent);
            await console.LogInAsync();
            await using var call = await AdmittedSessionAsync(site.Host, console, customer);
            await shots.TakeAsync("admitted");

            var select = agent.ById("agent-video-select");
            var video = await select.EvaluateAsync<string>("s => [...s.options].map(o => o.value).find(v => v) ?? ''").WaitAsync(Limits.Await);
            await select.SelectOptionAsync(video).WaitAsync(Limits.Await);
            await agent.ById("agent-video-load").ClickAsync().WaitAsync(Limits.Await);
            await Expect(customer.ById("pc-viewer-video")).ToBeVisibleAsync(new() { Timeout = Arrival });

            await Viewer.PlayingInStepAsync(agent, customer);
            await customer.ById("pc-viewer-video").ScrollIntoViewIfNeededAsync().WaitAsync(Limits.Await);
            await shots.TakeAsync("playing");
        });

        PageProblems.AssertNone(agent, customer);
    }

    /// <summary>A call answered by ana, the customer joined by link and admitted, the session on the agent's screen; dispose to hang up.</summary>
    private static async Task<IAsyncDisposable> AdmittedSessionAsync(PinCovisorHost host, AgentConsole console, Role customer)
    {
        var twilio = new TwilioCaller(host.CreateLoopbackClient(), host.Services.GetRequiredService<IConfiguration>()["Twilio:AuthToken"]!);
        var call = await Caller.CallAsync(twilio).WaitAsync(Limits.Await);
        await Caller.AnswerAsync(twilio, call.CallSid).WaitAsync(Limits.Await);
        await new Customer(customer).JoinByLinkAsync(call.Pin);
        var sessionId = await console.AdmitAsync();
        await Expect(customer.ById("pc-covisor")).ToBeVisibleAsync(new() { Timeout = Arrival });
        await console.OpenSessionAsync(sessionId);
        return new HangUp(twilio, call.CallSid);
    }

    private sealed class HangUp(TwilioCaller twilio, string callSid) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync() => await Caller.StatusAsync(twilio, callSid, "completed").WaitAsync(Limits.Await);
    }

    private Task RecordingFailureAsync(Screenshots shots, Func<Task> scenario) => Failures.RecordingAsync(shots, output, site.Host, scenario);
}
