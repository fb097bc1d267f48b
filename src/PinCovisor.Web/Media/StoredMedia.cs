namespace PinCovisor.Web.Media;

/// <summary>An image ready to store: re-encoded pixels, no metadata; or a customer's PDF (<see cref="Pdf"/>).</summary>
/// <param name="Data">JPEG or PNG bytes (PDF bytes as sent for a document).</param>
/// <param name="ContentType"><c>image/jpeg</c> or <c>image/png</c> (<c>application/pdf</c> for a document).</param>
/// <param name="Width">Pixels across, after orientation was applied; 0 for a document.</param>
/// <param name="Height">Pixels down, after orientation was applied; 0 for a document.</param>
public sealed record CleanImage(byte[] Data, string ContentType, int Width, int Height)
{
    /// <summary>The type of the one kind of attachment kept that is not an image.</summary>
    public const string PdfType = "application/pdf";

    /// <summary>
    /// A PDF kept as it came (nothing re-encodes it): it is only ever served as a download
    /// (<c>Content-Disposition: attachment</c>, <c>nosniff</c>) and never shared as an image.
    /// </summary>
    public static CleanImage Pdf(byte[] data) => new(data, PdfType, 0, 0);

    /// <summary>True when <paramref name="data"/> starts as a PDF does (<c>%PDF-</c>), whatever its sender called it.</summary>
    public static bool LooksLikePdf(ReadOnlySpan<byte> data) => data.StartsWith("%PDF-"u8);

    /// <summary>True for a re-encoded image, false for a document.</summary>
    public bool IsImage => ContentType != PdfType;
}

/// <summary>An image held for a session.</summary>
/// <param name="Id">Random id (<c>m_</c> + 128 bits, base64url).</param>
/// <param name="Image">The bytes and what they are.</param>
/// <param name="Uploader">Who sent it.</param>
/// <param name="ExpiresAt">When Redis forgets it.</param>
public sealed record StoredMedia(string Id, CleanImage Image, string Uploader, DateTimeOffset ExpiresAt)
{
    /// <summary>
    /// Its <c>Content-Disposition</c>: an image <c>inline</c>, a PDF <c>attachment</c> (a download, never
    /// rendered in this origin), named by its id.
    /// </summary>
    public string ContentDisposition => Image.ContentType switch
    {
        CleanImage.PdfType => $"attachment; filename=\"{Id}.pdf\"",
        "image/png" => $"inline; filename=\"{Id}.png\"",
        _ => $"inline; filename=\"{Id}.jpg\"",
    };
}

/// <summary>What became of a save.</summary>
public enum MediaSaveOutcome
{
    Stored,

    /// <summary>The session already holds <see cref="MediaOptions.MaxPerSession"/> uploads.</summary>
    TooManyImages,

    /// <summary>The image would take the session past <see cref="MediaOptions.MaxBytesPerSession"/>.</summary>
    TooManyBytes,
}

/// <summary>The outcome of <see cref="RedisMediaStore.SaveAsync"/>; <see cref="Media"/> is set when stored.</summary>
public sealed record MediaSaveResult(MediaSaveOutcome Outcome, StoredMedia? Media);
