using System.Globalization;
using Microsoft.Playwright;
using PinCovisor.EndToEnd.Browser;
using static Microsoft.Playwright.Assertions;

namespace PinCovisor.EndToEnd.Pages;

/// <summary>The applied view of the shared image, as <c>pc-viewer-stage</c> carries it.</summary>
public sealed record View(string? Zoom, string? CenterX, string? CenterY)
{
    public double ZoomValue => double.Parse(Zoom ?? "0", CultureInfo.InvariantCulture);
}

/// <summary>A video element's position, sampled in the page.</summary>
public sealed record PlayerState(double CurrentTime, bool Paused, bool Ended, int ReadyState);

/// <summary>The shared viewer, the same on both sides.</summary>
public static class Viewer
{
    public static async Task<View> ViewAsync(Role role)
    {
        ArgumentNullException.ThrowIfNull(role);
        var stage = role.ById("pc-viewer-stage");
        return new View(
            await stage.GetAttributeAsync("data-zoom").WaitAsync(Limits.Await),
            await stage.GetAttributeAsync("data-center-x").WaitAsync(Limits.Await),
            await stage.GetAttributeAsync("data-center-y").WaitAsync(Limits.Await));
    }

    /// <summary>Waits until the shared image is shown and decoded; returns its <c>src</c>.</summary>
    public static async Task<string> ImageShownAsync(Role role, string? other = null)
    {
        ArgumentNullException.ThrowIfNull(role);
        var image = role.ById("pc-viewer-image");
        await Expect(image).ToBeVisibleAsync(new() { Timeout = Limits.Ms(Limits.Arrival) });
        return await Eventually.UntilAsync(
            () => image.EvaluateAsync<string>("img => img.complete && img.naturalWidth > 0 ? img.src : ''"),
            src => src.Length > 0 && src != other,
            $"{role.Name}'s pc-viewer-image to show a decoded image" + (other is null ? "" : $" other than {other}"));
    }

    public static async Task<PlayerState> VideoAsync(Role role)
    {
        ArgumentNullException.ThrowIfNull(role);
        var state = await role.ById("pc-viewer-video").EvaluateAsync<double[]>(
            "v => [v.currentTime, v.paused ? 1 : 0, v.ended ? 1 : 0, v.readyState]").WaitAsync(Limits.Await);
        return new PlayerState(state[0], state[1] != 0, state[2] != 0, (int)state[3]);
    }

    /// <summary>
    /// Waits until both players run, neither at its end, within 0.3 s of each other, after the
    /// agent pressed the console's Play; presses it again if the short video ran out first.
    /// </summary>
    public static async Task PlayingInStepAsync(Role agent, Role customer)
    {
        ArgumentNullException.ThrowIfNull(agent);
        ArgumentNullException.ThrowIfNull(customer);
        await Eventually.UntilAsync(
            async () =>
            {
                // Sampled together, so the two positions are from (nearly) the same instant.
                var both = await Task.WhenAll(VideoAsync(agent), VideoAsync(customer)).WaitAsync(Limits.Await);
                if (both[0].Ended || both[0].CurrentTime > 13)
                {
                    // A slow machine let the 16 s demo video run out before the sides met: play it again.
                    await agent.ById("agent-video-load").ClickAsync().WaitAsync(Limits.Await);
                }

                return (Agent: both[0], Customer: both[1]);
            },
            videos => videos.Agent.CurrentTime > 0.5 && !videos.Agent.Paused && !videos.Customer.Paused && !videos.Customer.Ended
                && Math.Abs(videos.Agent.CurrentTime - videos.Customer.CurrentTime) <= 0.3,
            "both pc-viewer-video players playing within 0.3 s of each other after one press of agent-video-load, nobody pressing the player's own play",
            TimeSpan.FromSeconds(30));
    }

    /// <summary>The centre of an element on screen, for mouse gestures.</summary>
    public static async Task<(float X, float Y)> CentreAsync(ILocator element)
    {
        ArgumentNullException.ThrowIfNull(element);
        var box = await element.BoundingBoxAsync().WaitAsync(Limits.Await)
            ?? throw new InvalidOperationException($"{element} is not on screen.");
        return (box.X + (box.Width / 2), box.Y + (box.Height / 2));
    }
}
