using Microsoft.Playwright;
using PinCovisor.EndToEnd.Browser;
using static Microsoft.Playwright.Assertions;

namespace PinCovisor.EndToEnd.Pages;

/// <summary>The agent console at <c>/agent</c>.</summary>
public sealed class AgentConsole(Role agent)
{
    public const string Username = "ana";

    /// <summary>Ana's password in Development (<c>appsettings.Development.json</c>).</summary>
    public const string Password = "ana-development-password";

    public Task LogInAsync() => LogInAsync(Username, Password);

    /// <summary>Signs in as another agent the host was configured with.</summary>
    public async Task LogInAsync(string username, string password)
    {
        await agent.Page.GotoAsync("/agent").WaitAsync(Limits.Await);
        await agent.ById("agent-login-username").FillAsync(username).WaitAsync(Limits.Await);
        await agent.ById("agent-login-password").FillAsync(password).WaitAsync(Limits.Await);
        await agent.ById("agent-login-submit").ClickAsync().WaitAsync(Limits.Await);
        await Expect(agent.ById("agent-login-username")).ToBeHiddenAsync(new() { Timeout = Limits.Ms(Limits.Arrival) });
    }

    /// <summary>Makes a part of the console visible, opening the navigation first where a narrow screen hides it.</summary>
    public async Task ShowAsync(ILocator part)
    {
        ArgumentNullException.ThrowIfNull(part);
        var menu = agent.ById("agent-menu");
        if (!await part.IsVisibleAsync().WaitAsync(Limits.Await) && await menu.IsVisibleAsync().WaitAsync(Limits.Await))
        {
            await menu.ClickAsync().WaitAsync(Limits.Await);
        }

        await Expect(part).ToBeVisibleAsync(new() { Timeout = Limits.Ms(Limits.Arrival) });
    }

    /// <summary>
    /// Admits the customer waiting in the waiting room (of <paramref name="sessionId"/> when given,
    /// else the first one listed) and returns their session's id.
    /// </summary>
    public async Task<string> AdmitAsync(string? sessionId = null)
    {
        var entry = sessionId is null
            ? agent.ById("agent-waiting-entry").First
            : agent.Page.Locator($"[data-testid=agent-waiting-entry][data-session-id=\"{sessionId}\"]");
        await ShowAsync(entry);
        sessionId = await entry.GetAttributeAsync("data-session-id").WaitAsync(Limits.Await)
            ?? throw new InvalidOperationException("agent-waiting-entry has no data-session-id.");
        await entry.GetByTestId("agent-admit").ClickAsync().WaitAsync(Limits.Await);
        return sessionId;
    }

    /// <summary>Opens the session view of <paramref name="sessionId"/> unless it is already open.</summary>
    public async Task OpenSessionAsync(string sessionId)
    {
        if (await agent.ById("pc-chat-input").IsVisibleAsync().WaitAsync(Limits.Await))
        {
            return;
        }

        var session = agent.Page.Locator($"[data-testid=agent-session][data-session-id=\"{sessionId}\"]");
        await ShowAsync(session);
        await session.ClickAsync().WaitAsync(Limits.Await);
        await Expect(agent.ById("pc-chat-input")).ToBeVisibleAsync(new() { Timeout = Limits.Ms(Limits.Arrival) });
    }

    /// <summary>Finds a product with a picture in the catalog and shares it; returns the image's address once both sides show it.</summary>
    public async Task<string> ShareProductImageAsync(DevelopmentSite site, Role customer)
    {
        ArgumentNullException.ThrowIfNull(customer);
        await agent.ById("agent-catalog-search").FillAsync(DemoCatalog.SearchWordForAProductWithAPicture(site)).WaitAsync(Limits.Await);
        await agent.ById("agent-catalog-search").PressAsync("Enter").WaitAsync(Limits.Await);
        var result = agent.ById("agent-catalog-result").First;
        await Expect(result).ToBeVisibleAsync(new() { Timeout = Limits.Ms(Limits.Arrival) });
        await result.GetByTestId("agent-share-image").ClickAsync().WaitAsync(Limits.Await);
        var src = await Viewer.ImageShownAsync(agent);
        await Viewer.ImageShownAsync(customer);
        return src;
    }

    /// <summary>Loads the demo video into the session (one press: it starts playing for everyone).</summary>
    public async Task PlayDemoVideoAsync()
    {
        var select = agent.ById("agent-video-select");
        var video = await select.EvaluateAsync<string>("s => [...s.options].map(o => o.value).find(v => v) ?? ''").WaitAsync(Limits.Await);
        video.Should().NotBeEmpty("Development offers the demo video");
        await select.SelectOptionAsync(video).WaitAsync(Limits.Await);
        await agent.ById("agent-video-load").ClickAsync().WaitAsync(Limits.Await);
    }
}
