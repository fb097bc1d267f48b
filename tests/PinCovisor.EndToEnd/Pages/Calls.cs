using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PhoneBridge.Testing.Sessions;
using PhoneBridge.Testing.Web;
using PinCovisor.EndToEnd.Browser;
using static Microsoft.Playwright.Assertions;

namespace PinCovisor.EndToEnd.Pages;

/// <summary>A call Twilio would make (signed webhooks), answered by ana; dispose to hang up.</summary>
public sealed class AnsweredCall : IAsyncDisposable
{
    private readonly TwilioCaller _twilio;
    private bool _over;

    private AnsweredCall(TwilioCaller twilio, PlacedCall call)
    {
        _twilio = twilio;
        Call = call;
    }

    public PlacedCall Call { get; }

    public static async Task<AnsweredCall> PlaceAsync(PinCovisorHost host)
    {
        ArgumentNullException.ThrowIfNull(host);
        var twilio = new TwilioCaller(host.CreateLoopbackClient(), host.Services.GetRequiredService<IConfiguration>()["Twilio:AuthToken"]!);
        var call = await Caller.CallAsync(twilio).WaitAsync(Limits.Await);
        await Caller.AnswerAsync(twilio, call.CallSid).WaitAsync(Limits.Await);
        return new AnsweredCall(twilio, call);
    }

    /// <summary>
    /// A call answered by ana whose caller joined (by link, or from the demo shop's widget) and was
    /// admitted, the session open on the agent's screen.
    /// </summary>
    public static async Task<AnsweredCall> AdmittedAsync(PinCovisorHost host, AgentConsole console, Role customer, bool fromShop = false)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(customer);
        var call = await PlaceAsync(host);
        var person = new Customer(customer);
        if (fromShop)
        {
            await person.JoinFromShopAsync(call.Call.Pin);
        }
        else
        {
            await person.JoinByLinkAsync(call.Call.Pin);
        }

        var sessionId = await console.AdmitAsync(await person.SessionIdAsync());
        await Expect(customer.ById("pc-covisor")).ToBeVisibleAsync(new() { Timeout = Limits.Ms(Limits.Arrival) });
        await console.OpenSessionAsync(sessionId);
        return call;
    }

    /// <summary>The caller hangs up: Twilio's completed status callback.</summary>
    public async Task HangUpAsync()
    {
        if (!_over)
        {
            _over = true;
            await Caller.StatusAsync(_twilio, Call.CallSid, "completed").WaitAsync(Limits.Await);
        }
    }

    public async ValueTask DisposeAsync() => await HangUpAsync();
}
