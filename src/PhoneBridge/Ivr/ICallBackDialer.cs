using Microsoft.AspNetCore.Http;
using PhoneBridge.Twilio.Rest;

namespace PhoneBridge.Ivr;

/// <summary>
/// Places the call a customer asked for, from the shop's number (<see cref="CallBackOptions.From"/>),
/// and records it as the agent's call, so the IVR can put the customer through to that agent when
/// they answer and its status callbacks are followed like an incoming call's.
/// </summary>
public interface ICallBackDialer
{
    /// <summary>
    /// Asks Twilio to call <paramref name="number"/> (E.164) and, once it has a CallSid, records the
    /// call (the number masked) with <paramref name="agentUsername"/> as its agent. When the call
    /// cannot be recorded it is hung up and the exception thrown, so no call is left that nobody follows.
    /// </summary>
    /// <param name="request">The request the agent's action came in on: the base of the webhook URLs given to Twilio.</param>
    /// <param name="number">The customer's number in E.164.</param>
    /// <param name="agentUsername">The agent the customer is put through to.</param>
    /// <param name="cancellationToken">Stops waiting for Twilio; once the call exists, the recording goes on.</param>
    /// <returns>The new call's SID, or Twilio's error (nothing placed, nothing recorded).</returns>
    Task<TwilioRestResult<string>> PlaceAsync(HttpRequest request, string number, string agentUsername, CancellationToken cancellationToken = default);

    /// <summary>Hangs up a call placed by <see cref="PlaceAsync"/> (best effort: a failure is logged, not thrown).</summary>
    Task HangUpAsync(string callSid, CancellationToken cancellationToken = default);
}
