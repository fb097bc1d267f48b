namespace PinCovisor.Web.Media;

/// <summary>Media events (3700–3719). Never the image, never a token.</summary>
internal static partial class MediaLog
{
    [LoggerMessage(3700, LogLevel.Information,
        "Stored image {MediaId} in session {SessionId}: {ContentType} {Width}x{Height}, {Bytes} bytes")]
    public static partial void Stored(this ILogger logger, string sessionId, string mediaId, string contentType, int width, int height, long bytes);

    [LoggerMessage(3701, LogLevel.Information, "Refused an upload to session {SessionId}: {Reason}")]
    public static partial void Refused(this ILogger logger, string sessionId, string reason);
}
