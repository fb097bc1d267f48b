using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.SignalR;
using PinCovisor.Web.CallBack;

namespace PinCovisor.Web.Hub;

/// <summary>"Call me back": the customer of a web session leaves a number, the agent in charge has it called.</summary>
internal sealed partial class CovisorHub
{
    /// <summary>
    /// Whether the session's customer may ask to be called: the shop has a number to call from and
    /// the session has no call. The customer's page shows its "Call me" form only then.
    /// </summary>
    public async Task<bool> CanRequestCallBack(string sessionId, [FromServices] CallBackDesk desk)
    {
        ArgumentNullException.ThrowIfNull(desk);
        var session = await _access.RequireAsync(Context, sessionId, fresh: true, Aborted).ConfigureAwait(false);
        return desk.IsOffered(session);
    }

    /// <summary>
    /// The customer asks to be called at <paramref name="phoneNumber"/> (as typed). Logs
    /// <c>callback.requested</c> with the number masked and returns its seq.
    /// </summary>
    public async Task<long> RequestCallBack(string sessionId, string phoneNumber, [FromServices] CallBackDesk desk)
    {
        ArgumentNullException.ThrowIfNull(desk);
        if (State.Caller.IsAgent)
        {
            throw HubErrors.Invalid("Only the customer can ask to be called.");
        }

        var session = await _access.RequireAsync(Context, sessionId, fresh: true, Aborted).ConfigureAwait(false);
        return await desk.RequestAsync(session, State.Caller.Author, phoneNumber, Aborted).ConfigureAwait(false);
    }

    /// <summary>
    /// The agent in charge has the host call the customer back: the session gets the call, and
    /// <c>callback.placed</c> is logged (its seq returned).
    /// </summary>
    public async Task<long> PlaceCallBack(string sessionId, [FromServices] CallBackDesk desk)
    {
        ArgumentNullException.ThrowIfNull(desk);
        var session = await _access.RequireAgentAsync(Context, sessionId, Aborted).ConfigureAwait(false);
        var request = Context.GetHttpContext()?.Request ?? throw HubErrors.Invalid("The connection is not ready; reconnect and try again.");
        return await desk.PlaceAsync(request, session, State.Caller.Author, Aborted).ConfigureAwait(false);
    }
}
