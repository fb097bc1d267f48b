using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

using Twilio.Clients;
using Twilio.Exceptions;
using Twilio.Http;

namespace PhoneBridge.Twilio.Rest;

/// <summary>
/// Runs SDK calls with a <see cref="TwilioRestClient"/> made for each use over the "twilio" client of
/// <see cref="IHttpClientFactory"/> (base URL rebased, retries by <see cref="TwilioRetryRule"/>), with
/// the account's current SID and token, and turns Twilio's exceptions into <see cref="TwilioRestResult{T}"/>.
/// </summary>
internal sealed class TwilioRest(IHttpClientFactory httpClients, IOptionsMonitor<TwilioOptions> options, ILogger<TwilioRest> logger)
{
    /// <summary>The name of the HttpClient every REST call goes through.</summary>
    public const string HttpClientName = "twilio";

    /// <summary>
    /// Runs <paramref name="call"/>. Twilio's errors and network failures come back as the result's
    /// error, logged; a cancelled <paramref name="cancellationToken"/> aborts the request and throws.
    /// </summary>
    public async Task<TwilioRestResult<T>> CallAsync<T>(
        string operation, Func<ITwilioRestClient, Task<T>> call, CancellationToken cancellationToken)
    {
        var twilio = options.CurrentValue;
        if (string.IsNullOrEmpty(twilio.AccountSid))
        {
            TwilioRestLog.NotConfigured(logger, operation);
            return new(default, new(TwilioRestFailure.NotConfigured, null, null, "Twilio:AccountSid is not configured"));
        }

        cancellationToken.ThrowIfCancellationRequested();
        using var http = httpClients.CreateClient(HttpClientName);
        var client = new TwilioRestClient(twilio.AccountSid, twilio.AuthToken, httpClient: new SystemNetHttpClient(http));

        // The SDK takes no CancellationToken; this HttpClient instance is ours alone, so cancelling
        // its pending requests aborts exactly this call, and the wait ends with the token even
        // while the pipeline sits in a retry's back-off.
        using var abort = cancellationToken.Register(static h => ((System.Net.Http.HttpClient)h!).CancelPendingRequests(), http);
        try
        {
            return new(await call(client).WaitAsync(cancellationToken).ConfigureAwait(false), null);
        }
        catch (ApiException e)
        {
            return Refused<T>(operation, e.Status, e.Code, e.Message);
        }
        catch (ApiStandardException e)
        {
            return Refused<T>(operation, e.Status, e.Code, e.Title);
        }
        catch (ApiConnectionException) when (cancellationToken.IsCancellationRequested)
        {
            throw new OperationCanceledException(cancellationToken);
        }
        catch (ApiConnectionException e)
        {
            var error = e.InnerException switch
            {
                HttpRequestException h => $"{nameof(HttpRequestException)}: {h.HttpRequestError}",
                { } inner => inner.GetType().Name,
                null => "no response",
            };
            TwilioRestLog.Unreachable(logger, operation, error);
            return new(default, new(TwilioRestFailure.Unreachable, null, null, "Twilio could not be reached"));
        }
    }

    // An answer that is not Twilio's JSON error (a proxy's HTML page, a body that does not parse)
    // comes as an ApiException with status and code 0: the result says "unknown" rather than 0.
    private TwilioRestResult<T> Refused<T>(string operation, int status, int code, string message)
    {
        TwilioRestLog.Refused(logger, operation, status, code);
        return new(default, new(TwilioRestFailure.Refused, status == 0 ? null : status, code == 0 ? null : code, message));
    }

    /// <summary>An error for input that is not sent at all.</summary>
    public TwilioRestResult<T> Invalid<T>(string operation, string reason)
    {
        TwilioRestLog.InvalidInput(logger, operation, reason);
        return new(default, new(TwilioRestFailure.InvalidInput, null, null, reason));
    }
}
