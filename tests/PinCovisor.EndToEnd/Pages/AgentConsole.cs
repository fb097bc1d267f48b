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

    public async Task LogInAsync()
    {
        await agent.Page.GotoAsync("/agent").WaitAsync(Limits.Await);
        await agent.ById("agent-login-username").FillAsync(Username).WaitAsync(Limits.Await);
        await agent.ById("agent-login-password").FillAsync(Password).WaitAsync(Limits.Await);
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

    /// <summary>Admits the customer waiting in the waiting room and returns their session's id.</summary>
    public async Task<string> AdmitAsync()
    {
        var entry = agent.ById("agent-waiting-entry").First;
        await ShowAsync(entry);
        var sessionId = await entry.GetAttributeAsync("data-session-id").WaitAsync(Limits.Await)
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
}
