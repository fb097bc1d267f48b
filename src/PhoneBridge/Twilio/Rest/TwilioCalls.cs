using System.Text.RegularExpressions;

using Twilio.Exceptions;
using Twilio.Rest.Api.V2010.Account;
using Twilio.Types;

namespace PhoneBridge.Twilio.Rest;

/// <summary><see cref="ITwilioCalls"/> through the SDK's <see cref="CallResource"/>.</summary>
internal sealed partial class TwilioCalls(TwilioRest rest) : ITwilioCalls
{
    // The SDK puts the SID into the URL path as it is: anything but a call SID is refused before sending.
    private const string NotACallSid = "not a call SID (CA followed by 32 hex digits)";

    // Without events Twilio reports only the end; the console wants to see the call ring and be answered.
    private static readonly List<string> StatusEvents = ["initiated", "ringing", "answered", "completed"];

    public Task<TwilioRestResult<string>> UpdateTwimlAsync(string callSid, string twimlXml, CancellationToken cancellationToken = default)
    {
        const string Operation = "Call update";
        if (!IsCallSid(callSid))
        {
            return Task.FromResult(rest.Invalid<string>(Operation, NotACallSid));
        }

        if (string.IsNullOrWhiteSpace(twimlXml))
        {
            return Task.FromResult(rest.Invalid<string>(Operation, "no TwiML"));
        }

        return rest.CallAsync(Operation, async client =>
            (await CallResource.UpdateAsync(pathSid: callSid, twiml: new Twiml(twimlXml), client: client).ConfigureAwait(false)).Status.ToString(),
            cancellationToken);
    }

    public Task<TwilioRestResult<string>> CreateAsync(string recipient, string callerId, Uri url, Uri? statusCallback, CancellationToken cancellationToken = default)
    {
        const string Operation = "Call create";
        ArgumentNullException.ThrowIfNull(url);
        if (string.IsNullOrWhiteSpace(recipient) || string.IsNullOrWhiteSpace(callerId))
        {
            return Task.FromResult(rest.Invalid<string>(Operation, "a call needs a number to call and a number to call from"));
        }

        if (!url.IsAbsoluteUri || statusCallback is { IsAbsoluteUri: false })
        {
            return Task.FromResult(rest.Invalid<string>(Operation, "Twilio needs absolute URLs"));
        }

        return rest.CallAsync(Operation, async client =>
            (await CallResource.CreateAsync(
                to: new PhoneNumber(recipient), from: new PhoneNumber(callerId), url: url, statusCallback: statusCallback,
                statusCallbackEvent: statusCallback is null ? null : StatusEvents, client: client).ConfigureAwait(false)).Sid,
            cancellationToken);
    }

    public Task<TwilioRestResult<string>> FetchStatusAsync(string callSid, CancellationToken cancellationToken = default)
    {
        const string Operation = "Call fetch";
        if (!IsCallSid(callSid))
        {
            return Task.FromResult(rest.Invalid<string>(Operation, NotACallSid));
        }

        return rest.CallAsync<string>(Operation, async client =>
        {
            try
            {
                return (await CallResource.FetchAsync(pathSid: callSid, client: client).ConfigureAwait(false)).Status.ToString();
            }
            catch (ApiException e) when (e.Status == 404 || e.Code == 20404)
            {
                return null!;
            }
        }, cancellationToken);
    }

    private static bool IsCallSid(string? callSid) => callSid is not null && CallSid().IsMatch(callSid);

    [GeneratedRegex("^CA[0-9a-fA-F]{32}$")]
    private static partial Regex CallSid();
}
