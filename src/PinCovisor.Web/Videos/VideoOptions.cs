namespace PinCovisor.Web.Videos;

/// <summary>One shop video, an entry of the <c>Videos</c> list: a local file or an allowlisted URL.</summary>
public sealed class VideoOptions
{
    /// <summary>Configuration section holding the list.</summary>
    public const string SectionName = "Videos";

    /// <summary>Stable id used in URLs and hub events (letters, digits, '-', '_', '.').</summary>
    public string Id { get; set; } = "";

    /// <summary>What agents see in the list.</summary>
    public string Title { get; set; } = "";

    /// <summary>An .mp4 or .webm file; relative paths are resolved against the content root.</summary>
    public string? File { get; set; }

    /// <summary>An http(s) URL on a host listed in <c>VideoHosts:Allowed</c>.</summary>
    public string? Url { get; set; }
}

/// <summary>Hosts URL videos may come from (section <c>VideoHosts</c>).</summary>
public sealed class VideoHostOptions
{
    /// <summary>Configuration section.</summary>
    public const string SectionName = "VideoHosts";

    /// <summary>Exact host names (no wildcards); empty allows no URL videos.</summary>
    public IList<string> Allowed { get; } = [];
}
