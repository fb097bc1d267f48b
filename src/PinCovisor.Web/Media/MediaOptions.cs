namespace PinCovisor.Web.Media;

/// <summary>Limits on images uploaded into sessions (section <c>Media</c>).</summary>
public sealed class MediaOptions
{
    /// <summary>Configuration section.</summary>
    public const string SectionName = "Media";

    /// <summary>Largest upload accepted, in bytes; reading stops there (413).</summary>
    public long MaxBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>Largest width × height decoded (422); read from the header, before any pixel is decoded.</summary>
    public long MaxPixels { get; set; } = 40_000_000;

    /// <summary>How long an image stays in Redis after its upload.</summary>
    public TimeSpan Lifetime { get; set; } = TimeSpan.FromDays(1);

    /// <summary>Most images one session may upload (429).</summary>
    public int MaxPerSession { get; set; } = 50;

    /// <summary>Most stored bytes (after re-encoding) one session may upload (413).</summary>
    public long MaxBytesPerSession { get; set; } = 100 * 1024 * 1024;

    /// <summary>Images decoded at once per host; each may need 4 bytes per pixel of memory.</summary>
    public int MaxConcurrentDecodes { get; set; } = 4;
}
