using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace PhoneBridge.Twilio.Messaging;

/// <summary>
/// <c>POST {ApiBaseUrl}/2010-04-01/Accounts/{AccountSid}/Messages.json</c> with HTTP basic auth
/// (account SID, auth token), as Twilio's REST API expects. Retries live in the HttpClient pipeline.
/// </summary>
internal sealed partial class TwilioMessagesClient(HttpClient http, IOptions<TwilioOptions> options, ILogger<TwilioMessagesClient> logger)
    : ITwilioMessages
{
    public async Task<bool> SendAsync(string recipient, string sender, string body, CancellationToken cancellationToken = default)
    {
        var twilio = options.Value;
        if (string.IsNullOrEmpty(twilio.AccountSid))
        {
            NotConfigured(logger);
            return false;
        }

        var uri = new Uri($"{twilio.ApiBaseUrl.TrimEnd('/')}/2010-04-01/Accounts/{Uri.EscapeDataString(twilio.AccountSid)}/Messages.json");
        using var request = new HttpRequestMessage(HttpMethod.Post, uri)
        {
            Content = new FormUrlEncodedContent(
            [
                new("To", recipient),
                new("From", sender),
                new("Body", body),
            ]),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{twilio.AccountSid}:{twilio.AuthToken}")));

        try
        {
            using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
            if (response.IsSuccessStatusCode)
            {
                return true;
            }

            Refused(logger, (int)response.StatusCode);
            return false;
        }
        catch (Exception e) when (e is HttpRequestException or Polly.Timeout.TimeoutRejectedException)
        {
            Unreachable(logger, e.GetType().Name);
            return false;
        }
    }

    [LoggerMessage(1150, LogLevel.Warning, "SMS not sent: Twilio:AccountSid is not configured")]
    private static partial void NotConfigured(ILogger logger);

    [LoggerMessage(1151, LogLevel.Warning, "SMS refused by the Messages API with status {StatusCode}")]
    private static partial void Refused(ILogger logger, int statusCode);

    [LoggerMessage(1152, LogLevel.Warning, "SMS not sent: Messages API unreachable ({Error})")]
    private static partial void Unreachable(ILogger logger, string error);
}
