namespace PhoneBridge.Twilio.Rest;

/// <summary>
/// The media of customers' inbound messages, kept by Twilio behind the account's credentials: fetched
/// once to be stored by the host, then deleted when the shop asks for it.
/// </summary>
public interface ITwilioMedia
{
    /// <summary>
    /// Fetches the attachment at <paramref name="url"/> (a webhook's <c>MediaUrl{N}</c>), at most
    /// <paramref name="maxBytes"/> of it. Only URLs of this account's media on Twilio's API (or on the
    /// configured stand-in for it) are fetched, with the account's basic auth; the redirect Twilio
    /// answers with is followed without credentials.
    /// </summary>
    Task<TwilioMediaDownload> DownloadAsync(string url, long maxBytes, CancellationToken cancellationToken = default);

    /// <summary>Deletes the attachment at Twilio; false when the URL is not this account's media or Twilio refused.</summary>
    Task<bool> DeleteAsync(string url, CancellationToken cancellationToken = default);
}

/// <summary>What fetching one attachment gave.</summary>
public enum TwilioMediaOutcome
{
    /// <summary>The bytes are in <see cref="TwilioMediaDownload.Data"/>.</summary>
    Fetched,

    /// <summary>The URL is not this account's media on Twilio's API (or its stand-in): nothing was requested.</summary>
    NotTwilio,

    /// <summary>Larger than the cap, by its announced length or by what arrived: reading stopped there.</summary>
    TooLarge,

    /// <summary>Twilio refused, redirected somewhere not allowed, or did not answer in time.</summary>
    Failed,
}

/// <summary>The outcome of <see cref="ITwilioMedia.DownloadAsync"/>.</summary>
/// <param name="Outcome">What happened.</param>
/// <param name="Data">The bytes when fetched; empty otherwise.</param>
/// <param name="ContentType">The type Twilio's answer announced, when fetched (never trusted for what the bytes are).</param>
public sealed record TwilioMediaDownload(TwilioMediaOutcome Outcome, byte[] Data, string? ContentType);

/// <summary>
/// Another base URL at which this host's requests for <c>https://api.twilio.com</c> are served (a
/// simulator of Twilio's API): media URLs under it are this account's media too.
/// </summary>
public interface ITwilioApiStandIn
{
    /// <summary><c>scheme://host[:port][/prefix]</c> without a trailing '/', or null while there is none.</summary>
    string? BaseUrl { get; }
}
