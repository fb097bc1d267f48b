using Microsoft.AspNetCore.SignalR;

namespace PinCovisor.Web.Hub;

/// <summary>The refusals hub clients see; each message is fit to show the person as it is.</summary>
internal static class HubErrors
{
    /// <summary>Unknown session, someone else's session, or no longer in charge: one answer for all.</summary>
    public static HubException NotInSession() => new("You are not in this session.");

    public static HubException Ended() => new("This session has ended.");

    public static HubException Waiting() => new("The agent has not let you in yet.");

    public static HubException Rejected() => new("The agent did not let you in.");

    public static HubException AccessEnded() => new("Your access has ended; sign in or join again.");

    public static HubException AgentsOnly() => new("Only the agent in charge can do that.");

    public static HubException TooFast() => new("You are sending too fast; wait a moment and try again.");

    /// <summary>The credential already holds as many connections as it may (every tab, device and host counted).</summary>
    public static HubException TooManyConnections() =>
        new("This session is already open in too many windows or devices; close one and try again.");

    /// <summary>Redis is down or restarting: nothing was done, and the same call may simply be tried again.</summary>
    public static HubException Unavailable() => new("The service is briefly unavailable; try again in a moment.");

    public static HubException Invalid(string what) => new(what);
}
