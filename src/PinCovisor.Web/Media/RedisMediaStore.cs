using PhoneBridge.Redis;
using System.Globalization;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace PinCovisor.Web.Media;

/// <summary>Images uploaded into a session (re-encoded, EXIF-free), kept in Redis for <see cref="MediaOptions.Lifetime"/>.</summary>
internal sealed class RedisMediaStore(IConnectionMultiplexer redis, IOptions<MediaOptions> options, TimeProvider time)
{
    // KEYS[1] the session's quota hash, KEYS[2] the new image's hash, KEYS[3] the session's media ids (set, for retention).
    // ARGV: max count, max bytes, size, ttl ms, then the image's fields, then its id.
    // Checking and counting in one script is what stops two concurrent uploads both passing the check.
    // The quota lives as long as the newest image, so it counts uploads for the session's life
    // (expired images do not give their place back while the session is still busy).
    private static readonly EmbeddedScript Store = EmbeddedScript.Load(typeof(RedisMediaStore), "store");

    private static readonly RedisValue[] Fields = ["data", "type", "width", "height", "by", "exp"];

    private IDatabase Db => redis.GetDatabase();

    /// <summary>True when the session holds this media id as an image (not a document); the hub checks it before sharing an image.</summary>
    public async Task<bool> ExistsAsync(string sessionId, string mediaId, CancellationToken cancellationToken = default) =>
        MediaIds.IsWellFormed(mediaId)
        && await Db.HashGetAsync(MediaKeys.Image(sessionId, mediaId), "type").WaitAsync(cancellationToken).ConfigureAwait(false) is { IsNull: false } type
        && type != CleanImage.PdfType;

    /// <summary>
    /// Stores a clean image under a new random id, unless it would take the session past
    /// <see cref="MediaOptions.MaxPerSession"/> or <see cref="MediaOptions.MaxBytesPerSession"/>
    /// (checked and counted in one step, so concurrent uploads cannot overshoot).
    /// </summary>
    /// <param name="sessionId">The session the image belongs to.</param>
    /// <param name="image">Re-encoded pixels.</param>
    /// <param name="uploader">Who sent it (<c>agent:ana</c> or <c>participant:p_…</c>).</param>
    /// <param name="cancellationToken">Stops waiting; a script already sent still runs.</param>
    public async Task<MediaSaveResult> SaveAsync(string sessionId, CleanImage image, string uploader, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(image);
        var limits = options.Value;
        var id = MediaIds.New();
        var expiresAt = time.GetUtcNow() + limits.Lifetime;
        var result = await Store.RunAsync(Db,
            [MediaKeys.Quota(sessionId), MediaKeys.Image(sessionId, id), MediaKeys.Ids(sessionId)],
            [
                limits.MaxPerSession, limits.MaxBytesPerSession, image.Data.LongLength, (long)limits.Lifetime.TotalMilliseconds,
                image.Data, image.ContentType, image.Width, image.Height, uploader, expiresAt.ToUnixTimeMilliseconds(), id,
            ], cancellationToken).ConfigureAwait(false);
        return (long)result switch
        {
            -1 => new MediaSaveResult(MediaSaveOutcome.TooManyImages, null),
            -2 => new MediaSaveResult(MediaSaveOutcome.TooManyBytes, null),
            _ => new MediaSaveResult(MediaSaveOutcome.Stored, new StoredMedia(id, image, uploader, expiresAt)),
        };
    }

    /// <summary>The image, or null when unknown, expired or of another session.</summary>
    public async Task<StoredMedia?> GetAsync(string sessionId, string mediaId, CancellationToken cancellationToken = default)
    {
        if (!MediaIds.IsWellFormed(mediaId))
        {
            return null;
        }

        var values = await Db.HashGetAsync(MediaKeys.Image(sessionId, mediaId), Fields).WaitAsync(cancellationToken).ConfigureAwait(false);
        if (values.Any(v => v.IsNull))
        {
            return null;
        }

        var image = new CleanImage((byte[])values[0]!, values[1].ToString(), (int)values[2], (int)values[3]);
        var expiresAt = DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(values[5].ToString(), NumberStyles.Integer, CultureInfo.InvariantCulture));
        return new StoredMedia(mediaId, image, values[4].ToString(), expiresAt);
    }
}
