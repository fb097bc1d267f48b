using PhoneBridge.Testing.Web;
using static Microsoft.Playwright.Assertions;

namespace PinCovisor.EndToEnd.Browser;

/// <summary>A host of its own, Ana signed in to its console, and the WhatsApp simulator ready to send.</summary>
public sealed class WhatsAppScene(PinCovisorHost host, Role agent, Role customer) : IAsyncDisposable
{
    public PinCovisorHost Host => host;

    public Role Agent => agent;

    /// <summary>The simulated phone at <c>/demo/whatsapp</c>.</summary>
    public Role Customer => customer;

    public static async Task<WhatsAppScene> StartAsync(DevelopmentSite site, string agentLocale, string customerLocale = "es-ES")
    {
        ArgumentNullException.ThrowIfNull(site);
        var host = await DevelopmentSite.StartOwnHostAsync();
        var scene = new WhatsAppScene(host,
            await site.OpenAsync("agent", Device.Desktop, agentLocale, host.BaseAddress),
            await site.OpenAsync("whatsapp", Device.Phone, customerLocale, host.BaseAddress));
        await new Pages.AgentConsole(scene.Agent).LogInAsync();
        await scene.Customer.Page.GotoAsync("/demo/whatsapp").WaitAsync(Limits.Await);
        await Expect(scene.Customer.ById("wa-send")).ToBeEnabledAsync(new() { Timeout = Limits.Ms(Limits.Arrival) });
        return scene;
    }

    public async ValueTask DisposeAsync()
    {
        await customer.DisposeAsync();
        await agent.DisposeAsync();
        await host.DisposeAsync();
    }
}
