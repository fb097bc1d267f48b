using System.Text.RegularExpressions;
using Microsoft.Playwright;
using PinCovisor.EndToEnd.Browser;
using PinCovisor.EndToEnd.Pages;
using static Microsoft.Playwright.Assertions;

namespace PinCovisor.EndToEnd;

/// <summary>
/// The README's "Try it alone on one machine", step by step as a newcomer reads it, in English: each
/// control is found by the words the README names it with, so the README and the screens cannot drift
/// apart. The agent, the phone simulator and the shop are three windows of one browser, as on one machine.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ReadmeWalkThroughTests(DevelopmentSite site, ITestOutputHelper output)
{
    private static readonly float Arrival = Limits.Ms(Limits.Arrival);

    [Fact]
    public async Task TheReadmesStepsShowACannedReplyARejectedCallerBackInWithANewCodeAndAWaitingCallerToldTheCallEnded()
    {
        await using var agent = await site.OpenAsync("agent", Device.Desktop, "en-GB");
        var phone = agent with { Name = "phone", Page = await agent.Context.NewPageAsync().WaitAsync(Limits.Await) };
        var shop = agent with { Name = "shop", Page = await agent.Context.NewPageAsync().WaitAsync(Limits.Await) };
        var shots = new Screenshots(nameof(TheReadmesStepsShowACannedReplyARejectedCallerBackInWithANewCodeAndAWaitingCallerToldTheCallEnded), output, agent, phone, shop);
        var console = new AgentConsole(agent);
        var simulator = new PhoneSimulator(phone);
        await Failures.RecordingAsync(shots, output, site.Host, async () =>
        {
            // 1. Sign in as ana.
            await console.LogInAsync();

            // 2–3. Call from the simulator; answer as Ana's browser.
            var pin = await simulator.CallAsync(null);
            await simulator.AnswerAsync("ana");
            await Expect(phone.Page.Locator("[data-testid=phone-answer][data-target=ana]")).ToHaveCountAsync(0, new() { Timeout = Arrival });

            // 4. The shop's launcher, the PIN, the waiting room.
            var session = await JoinAsync(shop, pin);
            await shots.TakeAsync("waiting");

            // 5. Rejected; a new code from the call; typed after "Enter another code".
            var entry = agent.Page.Locator($"[data-testid=agent-waiting-entry][data-session-id=\"{session}\"]");
            await console.ShowAsync(entry);
            await entry.GetByRole(AriaRole.Button, new() { Name = "Reject", Exact = true }).ClickAsync().WaitAsync(Limits.Await);
            await Expect(shop.ById("pc-rejected")).ToContainTextAsync("You could not join", new() { Timeout = Arrival });
            var call = agent.ById("agent-call").Filter(new() { Has = agent.Page.GetByRole(AriaRole.Button, new() { Name = "New code" }) });
            await console.ShowAsync(call.First);
            await call.First.GetByRole(AriaRole.Button, new() { Name = "New code" }).ClickAsync().WaitAsync(Limits.Await);
            var fresh = await agent.ById("agent-new-pin-digits").GetAttributeAsync("data-pin").WaitAsync(Limits.Await) ?? "";
            fresh.Should().MatchRegex("^[0-9]{4,12}$").And.NotBe(pin);
            await shots.TakeAsync("new-code");
            await agent.ById("agent-new-pin-close").ClickAsync().WaitAsync(Limits.Await);
            await Button(shop, "Enter another code").ClickAsync().WaitAsync(Limits.Await);
            await TypePinAsync(shop, fresh);

            // 6. Admitted this time; a canned reply with "/"; the video with one press of Play.
            entry = agent.Page.Locator($"[data-testid=agent-waiting-entry][data-session-id=\"{session}\"]");
            await console.ShowAsync(entry);
            await entry.GetByRole(AriaRole.Button, new() { Name = "Admit", Exact = true }).ClickAsync().WaitAsync(Limits.Await);
            await Expect(shop.ById("pc-covisor")).ToBeVisibleAsync(new() { Timeout = Arrival });
            await console.OpenSessionAsync(session);
            await agent.ById("pc-chat-input").PressSequentiallyAsync("/").WaitAsync(Limits.Await);
            var shipping = agent.ById("agent-canned-option").Filter(new() { HasText = "/shipping" });
            await Expect(shipping).ToBeVisibleAsync(new() { Timeout = Arrival });
            await shots.TakeAsync("canned-replies");
            await shipping.ClickAsync().WaitAsync(Limits.Await);
            if ((await agent.ById("pc-chat-input").InputValueAsync().WaitAsync(Limits.Await)).Length > 0)
            {
                await agent.ById("pc-chat-send").ClickAsync().WaitAsync(Limits.Await);
            }

            await Chat.ExpectAsync(shop, "agent", "We ship within one working day");
            await console.PlayDemoVideoAsync();
            await Expect(agent.ById("agent-video-load")).ToHaveTextAsync(new Regex("Play"), new() { Timeout = Arrival });
            await Viewer.PlayingInStepAsync(agent, shop);
            await shots.TakeAsync("in-session");

            // 7. Hang up: the call ends on both sides, then the session. A second call hung up while
            // waiting: the widget says so at once.
            await simulator.HangUpAsync();
            await Expect(shop.ById("pc-call-status")).ToHaveAttributeAsync("data-status", "completed", new() { Timeout = Arrival });
            await Expect(shop.ById("pc-session-ended")).ToBeVisibleAsync(new() { Timeout = Arrival });
            await Button(shop, "Enter another code").ClickAsync().WaitAsync(Limits.Await);
            var second = await simulator.CallAsync(null);
            await simulator.AnswerAsync("ana");
            await JoinAsync(shop, second, launcher: false);
            await simulator.HangUpAsync();
            await Expect(shop.ById("pc-call-ended")).ToContainTextAsync("The call has ended", new() { Timeout = Arrival });
            await shots.TakeAsync("call-ended-while-waiting");
        });

        PageProblems.AssertNone(agent);
    }

    private static ILocator Button(Role role, string name) => role.Page.GetByRole(AriaRole.Button, new() { Name = name });

    // Opens the shop and its widget ("On the phone with us? Enter your code") unless it is open, types the code, and waits for Ana.
    private static async Task<string> JoinAsync(Role shop, string pin, bool launcher = true)
    {
        if (launcher)
        {
            await shop.Page.GotoAsync("/demo").WaitAsync(Limits.Await);
            await Button(shop, "On the phone with us? Enter your code").ClickAsync().WaitAsync(Limits.Await);
        }

        await TypePinAsync(shop, pin);
        await Expect(shop.ById("pc-agent-name")).ToHaveTextAsync("Ana", new() { Timeout = Arrival });
        return await new Customer(shop).SessionIdAsync();
    }

    private static async Task TypePinAsync(Role shop, string pin)
    {
        await shop.ById("pc-pin-input").FillAsync(pin).WaitAsync(Limits.Await);
        await Button(shop, "Join").ClickAsync().WaitAsync(Limits.Await);
        await Expect(shop.ById("pc-waiting")).ToBeVisibleAsync(new() { Timeout = Arrival });
    }
}
