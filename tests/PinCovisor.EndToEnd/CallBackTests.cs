using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Playwright;
using PhoneBridge.Calls;
using PhoneBridge.Testing.Web;
using PinCovisor.EndToEnd.Browser;
using PinCovisor.EndToEnd.Pages;
using static Microsoft.Playwright.Assertions;

namespace PinCovisor.EndToEnd;

/// <summary>
/// A visitor invited from the console asks to be called; the agent places the call, which rings the
/// phone simulator as the customer's phone, and the call that is answered belongs to that session.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class CallBackTests(DevelopmentSite site, ITestOutputHelper output)
{
    private static readonly float Arrival = Limits.Ms(Limits.Arrival);

    [Fact]
    public async Task AnInvitedVisitorAsksToBeCalledAndTheCallTheAgentPlacesRingsTheirPhoneAndJoinsTheSession()
    {
        await using var host = await DevelopmentSite.StartOwnHostAsync();
        var address = host.BaseAddress;
        await using var agent = await site.OpenAsync("agent", Device.Desktop, "en-US", address);
        await using var customer = await site.OpenAsync("customer", Device.Desktop, "en-US", address);
        await using var phone = await site.OpenAsync("phone", Device.Desktop, "en-US", address);
        var shots = new Screenshots(nameof(AnInvitedVisitorAsksToBeCalledAndTheCallTheAgentPlacesRingsTheirPhoneAndJoinsTheSession), output, agent, customer, phone);
        var console = new AgentConsole(agent);
        await console.LogInAsync();
        await phone.Page.GotoAsync("/demo/phone").WaitAsync(Limits.Await);
        await Expect(phone.ById("phone-call")).ToBeEnabledAsync(new() { Timeout = Arrival });

        // Ana invites the visitor browsing the shop; the widget takes the invitation on its next report.
        await customer.Page.GotoAsync("/demo").WaitAsync(Limits.Await);
        var visitorId = await new Customer(customer).VisitorIdAsync();
        var visitor = agent.Page.Locator($"[data-testid=agent-visitor][data-visitor-id=\"{visitorId}\"]");
        await console.ShowAsync(visitor);
        await visitor.GetByTestId("agent-invite").ClickAsync().WaitAsync(Limits.Await);
        var sessionId = await console.AdmitAsync();
        await Expect(customer.ById("pc-covisor")).ToBeVisibleAsync(new() { Timeout = Limits.Ms(TimeSpan.FromSeconds(40)) });

        // The customer types their number; Ana sees it masked and places the call.
        await Expect(customer.ById("pc-callback")).ToBeVisibleAsync(new() { Timeout = Arrival });
        await customer.ById("pc-callback-number").FillAsync("600 123 456").WaitAsync(Limits.Await);
        await customer.ById("pc-callback-submit").ClickAsync().WaitAsync(Limits.Await);
        await console.OpenSessionAsync(sessionId);
        await Expect(agent.ById("agent-callback-text")).ToContainTextAsync("+34 6•• ••• 456", new() { Timeout = Arrival });
        await shots.TakeAsync("asked");
        (await agent.Page.ContentAsync().WaitAsync(Limits.Await)).Should().NotContain("600123456").And.NotContain("600 123 456");
        await agent.ById("agent-callback-place").ClickAsync().WaitAsync(Limits.Await);

        // The simulator rings as the customer's phone; answered, the call rings Ana, who takes it.
        await Expect(phone.ById("phone-incoming")).ToBeVisibleAsync(new() { Timeout = Arrival });
        await Expect(phone.ById("phone-incoming-to")).ToHaveTextAsync("+34 600 123 456");
        await shots.TakeAsync("ringing-the-customer");
        await phone.ById("phone-incoming-answer").ClickAsync().WaitAsync(Limits.Await);
        await new PhoneSimulator(phone).AnswerAsync("ana");

        await Expect(customer.ById("pc-call-status")).ToHaveAttributeAsync("data-status", "in-progress", new() { Timeout = Arrival });
        await Expect(agent.ById("agent-call")).ToHaveAttributeAsync("data-status", "in-progress", new() { Timeout = Arrival });
        await shots.TakeAsync("on-the-call");
        var call = (await host.Services.GetRequiredService<RedisCallStore>().ListLiveAsync().WaitAsync(Limits.Await)).Single();
        call.AnsweringAgent.Should().Be("ana");
        await new PhoneSimulator(phone).HangUpAsync();
        await Expect(customer.ById("pc-call-status")).ToHaveAttributeAsync("data-status", "completed", new() { Timeout = Arrival });
        PageProblems.AssertNone(agent, customer, phone);
    }
}
