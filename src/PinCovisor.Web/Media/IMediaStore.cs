namespace PinCovisor.Web.Media;

/// <summary>Images uploaded into a session (re-encoded, EXIF-free), kept as long as the session's history.</summary>
public interface IMediaStore
{
    /// <summary>True when the session holds this media id; the hub checks it before sharing an image.</summary>
    Task<bool> ExistsAsync(string sessionId, string mediaId, CancellationToken cancellationToken = default);
}
