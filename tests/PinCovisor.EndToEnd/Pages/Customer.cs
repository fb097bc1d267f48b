using PinCovisor.EndToEnd.Browser;
using static Microsoft.Playwright.Assertions;

namespace PinCovisor.EndToEnd.Pages;

/// <summary>The customer: the widget on the demo shop (in an open shadow root), or <c>/join</c>.</summary>
public sealed class Customer(Role customer)
{
    /// <summary>Opens the widget on <c>/demo</c> and types the PIN; ends in the waiting room.</summary>
    public async Task JoinFromShopAsync(string pin)
    {
        await customer.Page.GotoAsync("/demo").WaitAsync(Limits.Await);
        await customer.ById("pc-launcher").ClickAsync().WaitAsync(Limits.Await);
        await customer.ById("pc-pin-input").FillAsync(pin).WaitAsync(Limits.Await);
        await customer.ById("pc-pin-submit").ClickAsync().WaitAsync(Limits.Await);
        await Expect(customer.ById("pc-waiting")).ToBeVisibleAsync(new() { Timeout = Limits.Ms(Limits.Arrival) });
    }

    /// <summary>Opens <c>/join?pin=…</c>, which fills and submits the PIN; ends in the waiting room.</summary>
    public async Task JoinByLinkAsync(string pin)
    {
        await customer.Page.GotoAsync($"/join?pin={pin}").WaitAsync(Limits.Await);
        await Expect(customer.ById("pc-waiting")).ToBeVisibleAsync(new() { Timeout = Limits.Ms(Limits.Arrival) });
    }

    /// <summary>The session this tab holds (the customer app keeps it in sessionStorage).</summary>
    public async Task<string> SessionIdAsync()
    {
        var saved = await customer.Page.EvaluateAsync<string?>("() => sessionStorage.getItem('pincovisor.session')").WaitAsync(Limits.Await)
            ?? throw new InvalidOperationException("The customer's tab holds no session.");
        using var json = System.Text.Json.JsonDocument.Parse(saved);
        return json.RootElement.GetProperty("sessionId").GetString()!;
    }

    /// <summary>The visitor id the widget keeps in the shop's localStorage once its first page view is answered.</summary>
    public Task<string> VisitorIdAsync() => Eventually.UntilAsync(
        async () => await customer.Page.EvaluateAsync<string?>("() => JSON.parse(localStorage.getItem('pincovisor.visitor') ?? 'null')?.visitorId ?? null") ?? "",
        id => id.Length > 0, "the widget's visitor id in localStorage");
}
