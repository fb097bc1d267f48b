namespace PinCovisor.Web.Media;

/// <summary>An image ready to store: re-encoded pixels, no metadata.</summary>
/// <param name="Data">JPEG or PNG bytes.</param>
/// <param name="ContentType"><c>image/jpeg</c> or <c>image/png</c>.</param>
/// <param name="Width">Pixels across, after orientation was applied.</param>
/// <param name="Height">Pixels down, after orientation was applied.</param>
public sealed record CleanImage(byte[] Data, string ContentType, int Width, int Height);

/// <summary>An image held for a session.</summary>
/// <param name="Id">Random id (<c>m_</c> + 128 bits, base64url).</param>
/// <param name="Image">The bytes and what they are.</param>
/// <param name="Uploader">Who sent it.</param>
/// <param name="ExpiresAt">When Redis forgets it.</param>
public sealed record StoredMedia(string Id, CleanImage Image, string Uploader, DateTimeOffset ExpiresAt);

/// <summary>What became of a save.</summary>
public enum MediaSaveOutcome
{
    Stored,

    /// <summary>The session already holds <see cref="MediaOptions.MaxPerSession"/> uploads.</summary>
    TooManyImages,

    /// <summary>The image would take the session past <see cref="MediaOptions.MaxBytesPerSession"/>.</summary>
    TooManyBytes,
}

/// <summary>The outcome of <see cref="IMediaStore.SaveAsync"/>; <see cref="Media"/> is set when stored.</summary>
public sealed record MediaSaveResult(MediaSaveOutcome Outcome, StoredMedia? Media);
