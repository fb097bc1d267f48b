using Microsoft.AspNetCore.Http;
using PhoneBridge.Agents;

namespace PhoneBridge.Ivr;

/// <summary>
/// Moves a live call to another agent through Twilio's REST API: the caller's leg gets new TwiML
/// that says so and dials the agent, who must take the call as any answer is taken (the whisper,
/// or a key where <see cref="IvrOptions.AcceptByKey"/> asks for one). When nobody takes it, the
/// call rings the agent it came from again (see docs/twilio-setup.md, "Transfers").
/// </summary>
public interface ICallTransfers
{
    /// <summary>
    /// Redirects the caller's leg of <paramref name="callSid"/> to ring <paramref name="toAgent"/>. Nothing
    /// changes hands yet: the call and its session move when <paramref name="toAgent"/> takes the call.
    /// </summary>
    /// <param name="request">The request that asked, whose origin the webhook URLs use unless <c>Twilio:BaseUrlOverride</c> is set.</param>
    /// <param name="callSid">The caller's leg (the session's call).</param>
    /// <param name="fromAgent">The agent the call is with now, who gets it back if nobody takes it.</param>
    /// <param name="toAgent">The agent to ring.</param>
    /// <param name="cancellationToken">Stops waiting; a request already sent to Twilio may still land.</param>
    Task<CallTransferOutcome> TransferAsync(HttpRequest request, string callSid, string fromAgent, AgentOptions toAgent, CancellationToken cancellationToken = default);
}

/// <summary>What asking for a transfer did.</summary>
public enum CallTransferOutcome
{
    /// <summary>Twilio took the new TwiML: the caller hears it and the agent's phones ring.</summary>
    Ringing,

    /// <summary>The call is unknown or not in progress (or Twilio says it is over): nothing was sent or changed.</summary>
    NotInProgress,

    /// <summary>The agent has no phone number and no softphone to ring: nothing was sent.</summary>
    NoPhone,

    /// <summary>Another transfer of the call is still ringing: nothing was sent.</summary>
    AlreadyRinging,

    /// <summary><c>Twilio:AccountSid</c> is not set: nothing was sent.</summary>
    NotConfigured,

    /// <summary>Twilio could not be reached or did not answer in time: the call goes on as it was.</summary>
    Unreachable,

    /// <summary>Twilio answered with an error: the call goes on as it was.</summary>
    Refused,
}
