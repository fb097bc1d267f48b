namespace PinCovisor.Web.Demo;

/// <summary>
/// Posts a request <see cref="SimulatorSigner"/> signed to the webhook it names, as Twilio would:
/// to the signed URL (this host's own origin, from configuration), with <c>X-Twilio-Signature</c>.
/// </summary>
internal static partial class SimulatorForwarder
{
    public const string ClientName = "demo-phone";

    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    /// <summary>The webhook's HTTP status; 502 when it could not be reached.</summary>
    /// <remarks>
    /// Not cancelled with the browser's request: the page that sent it is usually gone, and the
    /// webhook must still be reached.
    /// </remarks>
    public static async Task<int> PostAsync(IHttpClientFactory clients, SignResponse signed, Dictionary<string, string> parameters, ILogger logger)
    {
        using var message = new HttpRequestMessage(HttpMethod.Post, signed.Url)
        {
            Content = new FormUrlEncodedContent(parameters.Select(p => new KeyValuePair<string, string>(p.Key, p.Value ?? ""))),
        };
        message.Headers.TryAddWithoutValidation("X-Twilio-Signature", signed.Signature);
        try
        {
            using var response = await clients.CreateClient(ClientName).SendAsync(message).ConfigureAwait(false);
            Forwarded(logger, signed.Path, (int)response.StatusCode);
            return (int)response.StatusCode;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            ForwardFailed(logger, e, signed.Path);
            return StatusCodes.Status502BadGateway;
        }
    }

    [LoggerMessage(2090, LogLevel.Debug, "Phone simulator: {Path} sent for a closing page, answered {Status}")]
    private static partial void Forwarded(ILogger logger, string path, int status);

    [LoggerMessage(2091, LogLevel.Warning, "Phone simulator: {Path} could not be sent for a closing page")]
    private static partial void ForwardFailed(ILogger logger, Exception exception, string path);
}
