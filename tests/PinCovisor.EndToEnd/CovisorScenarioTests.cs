using System.Text.RegularExpressions;
using Microsoft.Playwright;
using PhoneBridge.Testing.Media;
using PhoneBridge.Testing.Sessions;
using PhoneBridge.Testing.Web;
using PinCovisor.EndToEnd.Browser;
using PinCovisor.EndToEnd.Pages;
using SkiaSharp;
using static Microsoft.Playwright.Assertions;

namespace PinCovisor.EndToEnd;

/// <summary>
/// A caller, a customer and an agent, each in their own Chromium context, against the product as it
/// runs in Development: the phone simulator plays Twilio, the shop's widget and the agent console
/// share a session. Every step saves a screenshot per person. The first test walks the whole call
/// (issue 4's steps 1–5 and 7); the second has the agent on a phone (step 6).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class CovisorScenarioTests(DevelopmentSite site, ITestOutputHelper output)
{
    private static readonly float Arrival = Limits.Ms(Limits.Arrival);

    [Fact]
    public async Task ACallersPinOpensASessionWhereAgentAndCustomerShareChatImagesVideoAndPhotosUntilTheCallEnds()
    {
        await using var agent = await site.OpenAsync("agent", Device.Desktop, "en-GB");
        await using var customer = await site.OpenAsync("customer", Device.Desktop, "es-ES");
        await using var phone = await site.OpenAsync("phone", Device.Phone, "es-ES");
        var shots = new Screenshots(nameof(ACallersPinOpensASessionWhereAgentAndCustomerShareChatImagesVideoAndPhotosUntilTheCallEnds), output, agent, customer, phone);
        var console = new AgentConsole(agent);
        var simulator = new PhoneSimulator(phone);

        await RecordingFailureAsync(shots, async () =>
        {
            // 1. The call: the IVR reads the PIN, the Dial rings ana, who answers; the customer types the PIN.
            await console.LogInAsync();
            var pin = await simulator.CallAsync("+34 600 123 456");
            await shots.TakeAsync("pin-read");
            await simulator.AnswerAsync("ana");
            await new Customer(customer).JoinFromShopAsync(pin);
            await AdmitAsync(console, customer, shots);

            // 2. Chat both ways; markup arrives as text. A canned reply picked with "/".
            await ChatBothWaysAsync(agent, customer);
            await SendCannedReplyAsync(agent, customer);
            await shots.TakeAsync("chat");

            // 3. A product picture: zoom and pan mirrored exactly, a stroke drawn on the other side.
            var productImage = await console.ShareProductImageAsync(site, customer);
            await ZoomAndPanAsync(agent, customer);
            await ShowViewerAsync(customer);
            await shots.TakeAsync("zoomed");
            await DrawAsync(agent, customer);
            await ShowViewerAsync(customer);
            await shots.TakeAsync("drawn");

            // 4. The video plays in step.
            await PlayVideoInStepAsync(console, agent, customer);
            await ShowViewerAsync(customer);
            await shots.TakeAsync("video");

            // 5. The customer's photo reaches the agent without its EXIF.
            await UploadPhotoAsync(agent, customer, productImage);
            await ShowViewerAsync(customer);
            await shots.TakeAsync("photo");

            // 7. The caller hangs up: the call status reaches both sides, then the session ends.
            var callLines = Chat.Messages(agent, "system").Filter(new() { HasTextRegex = new("call", RegexOptions.IgnoreCase) });
            var before = await callLines.CountAsync().WaitAsync(Limits.Await);
            await simulator.HangUpAsync();
            await Expect(customer.ById("pc-call-status")).ToHaveAttributeAsync("data-status", "completed", new() { Timeout = Arrival });
            await Eventually.UntilAsync(() => callLines.CountAsync(), count => count > before,
                "a new system line about the call in the agent's (en-GB) session view once the call ended");
            await shots.TakeAsync("call-ended");
            await Expect(customer.ById("pc-session-ended")).ToBeVisibleAsync(new() { Timeout = Arrival });
            await shots.TakeAsync("session-ended");
        });

        PageProblems.AssertNone(agent, customer, phone);
    }

    [Fact]
    public async Task AnAgentOnAPhoneAdmitsACustomerAndChats()
    {
        await using var agent = await site.OpenAsync("agent-phone", Device.Phone, "en-GB");
        await using var customer = await site.OpenAsync("customer", Device.Phone, "es-ES");
        var shots = new Screenshots(nameof(AnAgentOnAPhoneAdmitsACustomerAndChats), output, agent, customer);
        var console = new AgentConsole(agent);
        using var http = site.Host.CreateLoopbackClient();
        var twilio = new TwilioCaller(http, site.Configuration["Twilio:AuthToken"]!);

        await RecordingFailureAsync(shots, async () =>
        {
            await console.LogInAsync();
            await shots.TakeAsync("logged-in");
            var call = await Caller.CallAsync(twilio).WaitAsync(Limits.Await);
            await Caller.AnswerAsync(twilio, call.CallSid).WaitAsync(Limits.Await);
            await new Customer(customer).JoinByLinkAsync(call.Pin);
            await AdmitAsync(console, customer, shots);

            await ChatBothWaysAsync(agent, customer);
            await NoHorizontalScrollAsync(agent);
            // Each page speaks its browser's language.
            await Expect(agent.Page.Locator("html")).ToHaveAttributeAsync("lang", new Regex("^en"), new() { Timeout = Arrival });
            await Expect(customer.Page.Locator("html")).ToHaveAttributeAsync("lang", new Regex("^es"), new() { Timeout = Arrival });
            await shots.TakeAsync("chat");
            await Caller.StatusAsync(twilio, call.CallSid, "completed").WaitAsync(Limits.Await);
            await Expect(customer.ById("pc-call-status")).ToHaveAttributeAsync("data-status", "completed", new() { Timeout = Arrival });
            await shots.TakeAsync("call-ended");
        });

        PageProblems.AssertNone(agent, customer);
    }

    // The customer waits for Ana by name; she admits them and opens the session.
    private static async Task AdmitAsync(AgentConsole console, Role customer, Screenshots shots)
    {
        await Expect(customer.ById("pc-agent-name")).ToHaveTextAsync("Ana", new() { Timeout = Arrival });
        await shots.TakeAsync("waiting");
        var sessionId = await console.AdmitAsync();
        await Expect(customer.ById("pc-covisor")).ToBeVisibleAsync(new() { Timeout = Arrival });
        // Ana answered before the PIN was typed: the join itself says the call is in progress.
        await Expect(customer.ById("pc-call-status")).ToHaveAttributeAsync("data-status", "in-progress", new() { Timeout = Arrival });
        await console.OpenSessionAsync(sessionId);
        await shots.TakeAsync("admitted");
    }

    private static async Task ChatBothWaysAsync(Role agent, Role customer)
    {
        const string fromCustomer = "¿Me enseña la lámpara de cerámica? <b>Gracias</b>, señora";
        await Chat.SendAsync(customer, fromCustomer);
        var atAgent = await Chat.ExpectAsync(agent, "customer", fromCustomer);
        (await atAgent.Locator("b").CountAsync().WaitAsync(Limits.Await)).Should().Be(0, "markup typed in the chat stays text");

        const string fromAgent = "Of course — it's <i>handmade</i> in Sevilla, ¿quiere verla de cerca?";
        await Chat.SendAsync(agent, fromAgent);
        var atCustomer = await Chat.ExpectAsync(customer, "agent", fromAgent);
        (await atCustomer.Locator("i").CountAsync().WaitAsync(Limits.Await)).Should().Be(0, "markup typed in the chat stays text");
    }

    private static async Task SendCannedReplyAsync(Role agent, Role customer)
    {
        var input = agent.ById("pc-chat-input");
        await input.FillAsync("").WaitAsync(Limits.Await);
        await input.PressSequentiallyAsync("/gracias").WaitAsync(Limits.Await);
        await Expect(agent.ById("agent-canned")).ToBeVisibleAsync(new() { Timeout = Arrival });
        await agent.ById("agent-canned-option").Filter(new() { HasText = "espera" }).First.ClickAsync().WaitAsync(Limits.Await);
        // Picking a reply either sends it or puts it in the input to send.
        if ((await input.InputValueAsync().WaitAsync(Limits.Await)).Length > 0)
        {
            await agent.ById("pc-chat-send").ClickAsync().WaitAsync(Limits.Await);
        }

        await Chat.ExpectAsync(customer, "agent", DevelopmentSite.CannedText);
    }

    private static async Task ZoomAndPanAsync(Role agent, Role customer)
    {
        var (x, y) = await VisibleImageCentreAsync(agent);
        await agent.Page.Mouse.MoveAsync(x, y).WaitAsync(Limits.Await);
        await agent.Page.Mouse.WheelAsync(0, -400).WaitAsync(Limits.Await);
        var zoomed = await Eventually.UntilAsync(() => Viewer.ViewAsync(agent), view => view.ZoomValue > 1,
            "the agent's pc-viewer-stage data-zoom above 1 after the wheel");

        await agent.ById("pc-tool-pan").ClickAsync().WaitAsync(Limits.Await);
        (x, y) = await VisibleImageCentreAsync(agent);
        await agent.Page.Mouse.MoveAsync(x, y).WaitAsync(Limits.Await);
        await agent.Page.Mouse.DownAsync().WaitAsync(Limits.Await);
        await agent.Page.Mouse.MoveAsync(x - 70, y - 40, new() { Steps = 8 }).WaitAsync(Limits.Await);
        await agent.Page.Mouse.UpAsync().WaitAsync(Limits.Await);
        var panned = await Eventually.UntilAsync(() => Viewer.ViewAsync(agent), view => view.CenterX != zoomed.CenterX || view.CenterY != zoomed.CenterY,
            "the agent's pc-viewer-stage centre to move after the drag");

        await Eventually.UntilAsync(async () => (Agent: await Viewer.ViewAsync(agent), Customer: await Viewer.ViewAsync(customer)),
            views => views.Agent == views.Customer && views.Agent == panned,
            "the customer's pc-viewer-stage data-zoom/data-center-x/data-center-y to equal the agent's");
    }

    private static async Task DrawAsync(Role agent, Role customer)
    {
        await agent.ById("pc-tool-draw").ClickAsync().WaitAsync(Limits.Await);
        var (x, y) = await VisibleImageCentreAsync(agent);
        var mouse = agent.Page.Mouse;
        await mouse.MoveAsync(x - 60, y).WaitAsync(Limits.Await);
        await mouse.DownAsync().WaitAsync(Limits.Await);
        await mouse.MoveAsync(x - 20, y, new() { Steps = 4 }).WaitAsync(Limits.Await);
        await mouse.MoveAsync(x + 20, y, new() { Steps = 4 }).WaitAsync(Limits.Await);
        await mouse.MoveAsync(x + 60, y, new() { Steps = 4 }).WaitAsync(Limits.Await);
        await mouse.UpAsync().WaitAsync(Limits.Await);

        await Expect(customer.ById("pc-viewer-canvas")).ToHaveAttributeAsync("data-stroke-count", "1", new() { Timeout = Arrival });
        // Where the stroke crosses (x, y), as a fraction of the agent's canvas (transforms included).
        var box = await agent.ById("pc-viewer-canvas").BoundingBoxAsync().WaitAsync(Limits.Await)
            ?? throw new InvalidOperationException("The agent's pc-viewer-canvas is not on screen.");
        double[] point = [(x - box.X) / box.Width, (y - box.Y) / box.Height];
        await Eventually.UntilAsync(
            () => customer.ById("pc-viewer-canvas").EvaluateAsync<int>(
                """
                (canvas, [u, v]) => {
                  const x = Math.round(u * canvas.width), y = Math.round(v * canvas.height), r = 4;
                  const pixels = canvas.getContext("2d").getImageData(x - r, y - r, 2 * r + 1, 2 * r + 1).data;
                  let alpha = 0;
                  for (let i = 3; i < pixels.length; i += 4) alpha = Math.max(alpha, pixels[i]);
                  return alpha;
                }
                """, point),
            alpha => alpha > 0,
            $"opaque pixels on the customer's pc-viewer-canvas under the stroke (at {point[0]:0.000}, {point[1]:0.000} of the canvas)");
    }

    // One press of the console's Play loads the video and starts it on both sides.
    private static async Task PlayVideoInStepAsync(AgentConsole console, Role agent, Role customer)
    {
        await console.PlayDemoVideoAsync();
        await Expect(customer.ById("pc-viewer-video")).ToBeVisibleAsync(new() { Timeout = Arrival });
        await Viewer.PlayingInStepAsync(agent, customer);
    }

    private static async Task UploadPhotoAsync(Role agent, Role customer, string productImage)
    {
        var photo = TestImages.WithExif(TestImages.Jpeg(800, 600, SKColors.SteelBlue, SKColors.Goldenrod), orientation: 1);
        Exif(photo).Should().BeTrue("the photo sent carries EXIF (a GPS position)");
        await customer.ById("pc-upload-input").SetInputFilesAsync(
            new FilePayload { Name = "lampara.jpg", MimeType = "image/jpeg", Buffer = photo }).WaitAsync(Limits.Await);

        var src = await Viewer.ImageShownAsync(agent, other: productImage);
        var served = await agent.Page.EvaluateAsync<byte[]>(
            "async src => Array.from(new Uint8Array(await (await fetch(src)).arrayBuffer()))", src).WaitAsync(Limits.Await);
        served.Length.Should().BeGreaterThan(100);
        Exif(served).Should().BeFalse($"the photo the agent sees ({src}) must have lost its EXIF");
        if (served is [0xFF, 0xD8, ..])
        {
            TestImages.JpegHeaderMarkers(served).Should().NotContain(0xE1, "no APP1 segment is left");
        }
    }

    private static bool Exif(byte[] image) => image.AsSpan().IndexOf("Exif\0\0"u8) >= 0;

    // The middle of the part of the shared image that is on screen inside the viewer.
    private static async Task<(float X, float Y)> VisibleImageCentreAsync(Role role)
    {
        // A panel may have scrolled the shared area partly under the page's header (the agent's
        // catalog sits below it): bring it to the middle first, as a person would.
        await role.ById("pc-viewer").EvaluateAsync("el => el.scrollIntoView({ block: 'center', inline: 'nearest' })").WaitAsync(Limits.Await);
        var viewer = await role.ById("pc-viewer").BoundingBoxAsync().WaitAsync(Limits.Await);
        var image = await role.ById("pc-viewer-image").BoundingBoxAsync().WaitAsync(Limits.Await);
        if (viewer is null || image is null)
        {
            throw new InvalidOperationException($"{role.Name}'s pc-viewer or pc-viewer-image is not on screen.");
        }

        var left = Math.Max(viewer.X, image.X);
        var right = Math.Min(viewer.X + viewer.Width, image.X + image.Width);
        var top = Math.Max(viewer.Y, image.Y);
        var bottom = Math.Min(viewer.Y + viewer.Height, image.Y + image.Height);
        return ((left + right) / 2, (top + bottom) / 2);
    }

    // The widget's panel scrolls; bring the shared area into its view for the screenshot.
    private static Task ShowViewerAsync(Role role) =>
        role.ById("pc-viewer").ScrollIntoViewIfNeededAsync().WaitAsync(Limits.Await);

    private static async Task NoHorizontalScrollAsync(Role role)
    {
        var widths = await role.Page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, window.innerWidth]").WaitAsync(Limits.Await);
        widths[0].Should().BeLessThanOrEqualTo(widths[1], $"{role.Name}'s page must not scroll sideways");
    }

    private Task RecordingFailureAsync(Screenshots shots, Func<Task> scenario) => Failures.RecordingAsync(shots, output, site.Host, scenario);
}
