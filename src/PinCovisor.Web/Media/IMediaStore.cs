namespace PinCovisor.Web.Media;

/// <summary>Images uploaded into a session (re-encoded, EXIF-free), kept for <see cref="MediaOptions.Lifetime"/>.</summary>
public interface IMediaStore
{
    /// <summary>True when the session holds this media id as an image (not a document); the hub checks it before sharing an image.</summary>
    Task<bool> ExistsAsync(string sessionId, string mediaId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Stores a clean image under a new random id, unless it would take the session past
    /// <see cref="MediaOptions.MaxPerSession"/> or <see cref="MediaOptions.MaxBytesPerSession"/>
    /// (checked and counted in one step, so concurrent uploads cannot overshoot).
    /// </summary>
    /// <param name="sessionId">The session the image belongs to.</param>
    /// <param name="image">Re-encoded pixels.</param>
    /// <param name="uploader">Who sent it (<c>agent:ana</c> or <c>participant:p_…</c>).</param>
    /// <param name="cancellationToken">Stops waiting; a script already sent still runs.</param>
    Task<MediaSaveResult> SaveAsync(string sessionId, CleanImage image, string uploader, CancellationToken cancellationToken = default);

    /// <summary>The image, or null when unknown, expired or of another session.</summary>
    Task<StoredMedia?> GetAsync(string sessionId, string mediaId, CancellationToken cancellationToken = default);
}
