using Microsoft.AspNetCore.Http;
using PhoneBridge.Agents;

namespace PhoneBridge.Ivr;

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
