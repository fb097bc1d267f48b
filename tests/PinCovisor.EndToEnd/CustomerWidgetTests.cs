using Microsoft.Extensions.Hosting;
using Microsoft.Playwright;
using PhoneBridge.Testing.Web;
using PinCovisor.EndToEnd.Browser;
using PinCovisor.EndToEnd.Pages;
using static Microsoft.Playwright.Assertions;

namespace PinCovisor.EndToEnd;

/// <summary>
/// The customer's side where a newcomer used to trip: the waiting room when the call ends, the chat
/// beside a shared picture and video, the wait after too many codes, the launcher over the shop's
/// page, and a toolbar that fits and offers what the device can do.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class CustomerWidgetTests(DevelopmentSite site, ITestOutputHelper output)
{
    private static readonly float Arrival = Limits.Ms(Limits.Arrival);

    [Theory]
    [InlineData(Device.Desktop)]
    [InlineData(Device.Phone)]
    public async Task ACustomerStillWaitingIsToldAtOnceThatTheCallEnded(Device device)
    {
        await using var customer = await site.OpenAsync("customer", device, "en-GB");
        var shots = new Screenshots($"{nameof(ACustomerStillWaitingIsToldAtOnceThatTheCallEnded)}-{device}", output, customer);

        await Failures.RecordingAsync(shots, output, site.Host, async () =>
        {
            await using var call = await AnsweredCall.PlaceAsync(site.Host);
            await new Customer(customer).JoinFromShopAsync(call.Call.Pin);
            await Expect(customer.ById("pc-call-status")).ToHaveAttributeAsync("data-status", "in-progress", new() { Timeout = Arrival });
            await shots.TakeAsync("waiting");

            await call.HangUpAsync();
            // Pushed to the waiting room: the session itself closes only after Sessions:CallEndGrace.
            await Expect(customer.ById("pc-call-ended")).ToBeVisibleAsync(new() { Timeout = Arrival });
            await Expect(customer.ById("pc-call-ended")).ToContainTextAsync("The call has ended", new() { Timeout = Arrival });
            await Expect(customer.ById("pc-call-ended")).ToContainTextAsync("call us again", new() { Timeout = Arrival });
            // The title says where the call stands: no status chip left beside it to go stale.
            await Expect(customer.ById("pc-call-status")).ToHaveCountAsync(0, new() { Timeout = Arrival });
            await Expect(customer.ById("pc-waiting")).ToHaveCountAsync(0, new() { Timeout = Arrival });
            await shots.TakeAsync("call-ended");
        });

        PageProblems.AssertNone(customer);
    }

    [Theory]
    [InlineData(Device.Desktop)]
    [InlineData(Device.Phone)]
    public async Task TheChatStaysInViewBesideASharedPictureAndVideoAndCountsWhatArrivesOutOfSight(Device device)
    {
        await using var agent = await site.OpenAsync("agent", Device.Desktop, "en-GB");
        await using var customer = await site.OpenAsync("customer", device, "es-ES");
        var shots = new Screenshots($"{nameof(TheChatStaysInViewBesideASharedPictureAndVideoAndCountsWhatArrivesOutOfSight)}-{device}", output, agent, customer);

        await Failures.RecordingAsync(shots, output, site.Host, async () =>
        {
            var console = new AgentConsole(agent);
            await console.LogInAsync();
            await using var call = await AnsweredCall.AdmittedAsync(site.Host, console, customer, fromShop: true);
            await console.ShareProductImageAsync(site, customer);
            await console.PlayDemoVideoAsync();
            await Expect(customer.ById("pc-viewer-video")).ToBeVisibleAsync(new() { Timeout = Arrival });
            for (var i = 1; i <= 4; i++)
            {
                await Chat.SendAsync(agent, $"Mensaje {i} de Ana");
                await Chat.ExpectAsync(customer, "agent", $"Mensaje {i} de Ana");
            }

            await shots.TakeAsync("picture-video-chat");
            await InWindowAsync(customer, customer.ById("pc-chat-input"), "the chat input");
            await InWindowAsync(customer, Chat.Messages(customer, "agent").Last, "the newest agent message");
            await Expect(customer.ById("pc-chat-unread")).ToBeHiddenAsync(new() { Timeout = Arrival });

            // Scrolled up to read back: what arrives is counted on a cue that takes the reader down.
            var log = customer.ById("pc-chat-log");
            for (var i = 5; !await log.EvaluateAsync<bool>("l => l.scrollHeight > l.clientHeight + 40").WaitAsync(Limits.Await); i++)
            {
                i.Should().BeLessThan(20, "a few more messages make the customer's chat log scroll");
                await Chat.SendAsync(agent, $"Mensaje {i} de Ana");
                await Chat.ExpectAsync(customer, "agent", $"Mensaje {i} de Ana");
            }

            await log.EvaluateAsync("l => { l.scrollTop = 0; }").WaitAsync(Limits.Await);
            await Chat.SendAsync(agent, "¿Lo ve bien?");
            await Chat.SendAsync(agent, "Tiene otra foto abajo.");
            await Expect(customer.ById("pc-chat-unread")).ToHaveTextAsync("2 mensajes nuevos ↓", new() { Timeout = Arrival });
            await shots.TakeAsync("unread-cue");
            await customer.ById("pc-chat-unread").ClickAsync().WaitAsync(Limits.Await);
            await Expect(customer.ById("pc-chat-unread")).ToBeHiddenAsync(new() { Timeout = Arrival });
            await InWindowAsync(customer, Chat.Messages(customer, "agent").Filter(new() { HasText = "Tiene otra foto" }), "the message the cue took the reader to");
            await shots.TakeAsync("read");
        });

        PageProblems.AssertNone(agent, customer);
    }

    [Fact]
    public async Task AfterTooManyCodesJoinIsClosedWithACountdownAndOpensAgainWhenItEnds()
    {
        // A host of its own: the shared one's throttle counts every browser of the machine (127.0.0.1).
        await using var host = await DevelopmentSite.StartOwnHostAsync(
            new Dictionary<string, string?> { ["Join:MaxFailuresPerClient"] = "3", ["Join:FailureWindow"] = "00:00:08" });
        var address = host.BaseAddress;
        await using var customer = await site.OpenAsync("customer", Device.Desktop, "en-GB", address);
        var shots = new Screenshots(nameof(AfterTooManyCodesJoinIsClosedWithACountdownAndOpensAgainWhenItEnds), output, customer);

        await Failures.RecordingAsync(shots, output, host, async () =>
        {
            await customer.Page.GotoAsync("/demo").WaitAsync(Limits.Await);
            await customer.ById("pc-launcher").ClickAsync().WaitAsync(Limits.Await);
            for (var i = 0; i < 3; i++)
            {
                await customer.ById("pc-pin-input").FillAsync($"00000{i}").WaitAsync(Limits.Await);
                await customer.ById("pc-pin-submit").ClickAsync().WaitAsync(Limits.Await);
                await Expect(customer.ById("pc-error")).ToContainTextAsync("not valid", new() { Timeout = Arrival });
            }

            await customer.ById("pc-pin-input").FillAsync("000009").WaitAsync(Limits.Await);
            await customer.ById("pc-pin-submit").ClickAsync().WaitAsync(Limits.Await);
            await Expect(customer.ById("pc-pin-submit")).ToBeDisabledAsync(new() { Timeout = Arrival });
            await Expect(customer.ById("pc-pin-wait")).ToContainTextAsync("Too many tries from this connection", new() { Timeout = Arrival });
            var first = await customer.ById("pc-pin-wait-clock").TextContentAsync().WaitAsync(Limits.Await);
            first.Should().MatchRegex(@"^\(0:0\d\)$", "the button counts down the seconds Retry-After gave");
            await shots.TakeAsync("closed");
            await Eventually.UntilAsync(() => customer.ById("pc-pin-wait-clock").TextContentAsync(), now => now != first,
                "the countdown on pc-pin-submit to move");

            await Expect(customer.ById("pc-pin-submit")).ToBeEnabledAsync(new() { Timeout = Limits.Ms(TimeSpan.FromSeconds(30)) });
            await Expect(customer.ById("pc-pin-wait")).ToHaveCountAsync(0, new() { Timeout = Arrival });
            await shots.TakeAsync("open-again");
        });

        // The wrong codes' 404s and the 429 are this test's own answers; nothing else may go wrong.
        customer.Problems.All.Where(problem => !problem.Contains("/api/join:", StringComparison.Ordinal)).Should().BeEmpty();
    }

    [Theory]
    [InlineData(Device.Desktop)]
    [InlineData(Device.Phone)]
    public async Task TheLauncherKeepsClearOfTheShopsControlsAndHeadingsAndNeverWraps(Device device)
    {
        await using var visitor = await site.OpenAsync("visitor", device, "es-ES");
        var shots = new Screenshots($"{nameof(TheLauncherKeepsClearOfTheShopsControlsAndHeadingsAndNeverWraps)}-{device}", output, visitor);
        await visitor.Page.GotoAsync("/demo").WaitAsync(Limits.Await);
        var launcher = visitor.ById("pc-launcher");
        await Expect(launcher).ToBeVisibleAsync(new() { Timeout = Arrival });

        // At the top of the page and scrolled to each of the shop's controls in turn.
        var controls = visitor.Page.Locator("main a[href], main button, main h1, main h2, [data-testid=demo-open-phone]");
        var count = await controls.CountAsync().WaitAsync(Limits.Await);
        count.Should().BeGreaterThan(3);
        await Eventually.UntilAsync(() => OverlapsAsync(visitor, launcher, controls), hit => hit is null,
            "the launcher to cover none of the shop's links, buttons and headings at the top of the page");
        await shots.TakeAsync("top");
        await visitor.ById("demo-open-phone").ScrollIntoViewIfNeededAsync().WaitAsync(Limits.Await);
        await Eventually.UntilAsync(() => OverlapsAsync(visitor, launcher, controls), hit => hit is null,
            "the launcher to cover none of the shop's links, buttons and headings by the call button");
        await shots.TakeAsync("by-the-call-button");

        if (device == Device.Desktop)
        {
            // With nothing of the page beneath it, the launcher shows its whole label again.
            await visitor.Page.EvaluateAsync(
                "() => { for (const e of document.querySelectorAll('body > *:not(#pincovisor-widget)')) e.style.visibility = 'hidden'; dispatchEvent(new Event('resize')); }")
                .WaitAsync(Limits.Await);
            await Expect(launcher).Not.ToHaveClassAsync(new System.Text.RegularExpressions.Regex("pc-compact"), new() { Timeout = Arrival });
            await shots.TakeAsync("full-label");
        }

        var lines = await launcher.EvaluateAsync<double>(
            "b => { const text = b.querySelector('.pc-launcher-text'); if (getComputedStyle(text).display === 'none') return 0; const lh = parseFloat(getComputedStyle(text).lineHeight); return text.getBoundingClientRect().height / lh; }")
            .WaitAsync(Limits.Await);
        lines.Should().BeLessThan(1.5, "the launcher's label is one line or none (its icon)");
        (await launcher.GetAttributeAsync("aria-label").WaitAsync(Limits.Await)).Should().Contain("código", "shrunk or not, the launcher keeps its name");
        PageProblems.AssertNone(visitor);
    }

    [Theory]
    [InlineData(Device.Desktop)]
    [InlineData(Device.Phone)]
    public async Task TheViewerToolbarFitsInSpanishAndOffersWhatTheDeviceCanDo(Device device)
    {
        await using var agent = await site.OpenAsync("agent", Device.Desktop, "es-ES");
        await using var customer = await site.OpenAsync("customer", device, "es-ES");
        var shots = new Screenshots($"{nameof(TheViewerToolbarFitsInSpanishAndOffersWhatTheDeviceCanDo)}-{device}", output, agent, customer);

        await Failures.RecordingAsync(shots, output, site.Host, async () =>
        {
            var console = new AgentConsole(agent);
            await console.LogInAsync();
            await using var call = await AnsweredCall.AdmittedAsync(site.Host, console, customer, fromShop: true);
            await customer.ById("pc-viewer").ScrollIntoViewIfNeededAsync().WaitAsync(Limits.Await);
            await shots.TakeAsync("toolbar");

            foreach (var role in new[] { agent, customer })
            {
                // The middle of each tool: one row when they are all within a few pixels of each other.
                var middles = await role.Page.Locator(".pc-tool-group").First.EvaluateAsync<double[]>(
                    "g => [...g.children].filter(c => c.getClientRects().length).map(c => { const r = c.getBoundingClientRect(); return r.top + r.height / 2; })").WaitAsync(Limits.Await);
                middles.Should().HaveCountGreaterThan(3);
                (middles.Max() - middles.Min()).Should().BeLessThan(8, $"{role.Name}'s drawing tools sit on one row in Spanish ({string.Join(", ", middles)})");
            }

            // A camera on a handheld device only; moving to the phone only from elsewhere; the agent's desktop has neither.
            var handheld = device == Device.Phone;
            (await customer.Page.Locator(".pc-camera").IsVisibleAsync().WaitAsync(Limits.Await)).Should().Be(handheld);
            (await customer.ById("pc-continue-phone").IsVisibleAsync().WaitAsync(Limits.Await)).Should().Be(!handheld);
            (await agent.Page.Locator(".pc-camera").IsVisibleAsync().WaitAsync(Limits.Await)).Should().BeFalse("a desktop agent has no camera to point");
        });

        PageProblems.AssertNone(agent, customer);
    }

    private static async Task InWindowAsync(Role role, ILocator element, string what)
    {
        var box = await element.BoundingBoxAsync().WaitAsync(Limits.Await)
            ?? throw new InvalidOperationException($"{what} is not on {role.Name}'s screen.");
        var window = role.Page.ViewportSize!;
        var inside = await element.EvaluateAsync<bool>(
            """
            el => {
              const r = el.getBoundingClientRect();
              const x = Math.min(Math.max(r.left + r.width / 2, 0), innerWidth - 1), y = Math.min(Math.max(r.top + r.height / 2, 0), innerHeight - 1);
              const hit = (el.getRootNode().elementFromPoint ? el.getRootNode() : document).elementFromPoint(x, y);
              return !!hit && (el === hit || el.contains(hit));
            }
            """).WaitAsync(Limits.Await);
        (box.Y >= 0 && box.Y + box.Height <= window.Height && box.X >= 0 && box.X + box.Width <= window.Width && inside)
            .Should().BeTrue($"{what} must be in {role.Name}'s window and not covered ({box.X:0},{box.Y:0} {box.Width:0}×{box.Height:0} in {window.Width}×{window.Height})");
    }

    // The first of the shop's controls the launcher's box overlaps, or null.
    private static async Task<string?> OverlapsAsync(Role visitor, ILocator launcher, ILocator controls)
    {
        var own = await launcher.BoundingBoxAsync().WaitAsync(Limits.Await);
        if (own is null)
        {
            return "launcher not on screen";
        }

        foreach (var control in await controls.AllAsync().WaitAsync(Limits.Await))
        {
            var box = await control.BoundingBoxAsync().WaitAsync(Limits.Await);
            if (box is not null && box.Width > 0 && own.X < box.X + box.Width && box.X < own.X + own.Width && own.Y < box.Y + box.Height && box.Y < own.Y + own.Height)
            {
                return await control.EvaluateAsync<string>("e => e.outerHTML.slice(0, 120)").WaitAsync(Limits.Await);
            }
        }

        return null;
    }
}
