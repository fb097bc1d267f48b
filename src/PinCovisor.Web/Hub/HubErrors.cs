using Microsoft.AspNetCore.SignalR;
using PhoneBridge.Ivr;

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

    /// <summary>TransferCall on a session without a call in progress.</summary>
    public static HubException NoCallInProgress() => new("This session has no call in progress; transfer the session instead.");

    /// <summary>Why a call transfer was not started; in every case nothing moved.</summary>
    public static HubException TransferRefused(CallTransferOutcome outcome, string agentName) => new(outcome switch
    {
        CallTransferOutcome.NoPhone => $"{agentName} has no phone or softphone to ring, so the call cannot move to them.",
        CallTransferOutcome.AlreadyRinging => "A transfer of this call is already ringing; wait until it is taken or comes back.",
        CallTransferOutcome.NotConfigured => "Calls cannot be transferred: the Twilio account is not configured. The call and the session stay with you.",
        CallTransferOutcome.Unreachable => "Twilio could not be reached, so the call was not transferred. The call and the session stay with you; try again.",
        CallTransferOutcome.Refused => "Twilio refused to transfer the call. The call and the session stay with you.",
        _ => "This session has no call in progress; transfer the session instead.",
    });
}
