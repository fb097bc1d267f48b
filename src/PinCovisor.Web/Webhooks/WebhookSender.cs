using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.Options;

namespace PinCovisor.Web.Webhooks;

/// <summary>What one attempt came to.</summary>
internal enum WebhookOutcome
{
    /// <summary>2xx.</summary>
    Delivered,

    /// <summary>410 Gone: the receiver wants no more of this message; it becomes a dead letter at once.</summary>
    Gone,

    /// <summary>Any other status, a timeout or no connection: tried again later.</summary>
    Failed,
}

/// <summary>Posts one delivery to its endpoint, signed, within <c>Webhooks:Timeout</c>.</summary>
internal sealed class WebhookSender(IHttpClientFactory clients, IOptions<WebhooksOptions> options, TimeProvider time)
{
    public const string ClientName = "webhooks";

    public async Task<(WebhookOutcome Outcome, int Status, string Error)> SendAsync(
        WebhookEndpointOptions endpoint, WebhookDelivery delivery, CancellationToken cancellationToken)
    {
        var body = Encoding.UTF8.GetBytes(delivery.Body);
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint.Url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        request.Headers.Add("PhoneBridge-Event-Id", delivery.EventId);
        request.Headers.Add("PhoneBridge-Event-Type", delivery.Type);
        request.Headers.Add("PhoneBridge-Delivery-Id", delivery.Id);
        request.Headers.Add("PhoneBridge-Delivery-Attempt", (delivery.Attempts + 1).ToString(CultureInfo.InvariantCulture));
        request.Headers.Add(WebhookSignature.Header, WebhookSignature.Sign(endpoint.Secret, time.GetUtcNow(), body));

        using var timeout = new CancellationTokenSource(options.Value.Timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            using var response = await clients.CreateClient(ClientName)
                .SendAsync(request, HttpCompletionOption.ResponseHeadersRead, linked.Token).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            return response.IsSuccessStatusCode ? (WebhookOutcome.Delivered, status, "")
                : response.StatusCode == HttpStatusCode.Gone ? (WebhookOutcome.Gone, status, "answered 410 Gone")
                : (WebhookOutcome.Failed, status, $"answered {status}");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return (WebhookOutcome.Failed, 0, $"no answer within {options.Value.Timeout}");
        }
        catch (HttpRequestException e)
        {
            return (WebhookOutcome.Failed, 0, e.HttpRequestError == HttpRequestError.Unknown ? e.Message : $"{e.HttpRequestError}");
        }
    }
}
