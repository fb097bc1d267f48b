using Microsoft.Extensions.Options;

namespace PinCovisor.Web.Videos;

/// <summary>A configured video as the API lists it.</summary>
/// <param name="Id">Its id.</param>
/// <param name="Title">Its title.</param>
/// <param name="Url">Where to play it: <c>/api/videos/{id}</c> for a file, the external URL otherwise.</param>
public sealed record ShopVideo(string Id, string Title, string Url);

/// <summary>The shop's videos, as configured (validated at start-up by <see cref="VideoValidation"/>).</summary>
internal sealed class VideoLibrary(IOptions<List<VideoOptions>> videos, IHostEnvironment environment)
{
    private static readonly Dictionary<string, string> ContentTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        [".mp4"] = "video/mp4",
        [".webm"] = "video/webm",
    };

    public IReadOnlyList<ShopVideo> List() =>
        videos.Value.Select(v => new ShopVideo(v.Id, v.Title, v.Url ?? $"/api/videos/{Uri.EscapeDataString(v.Id)}")).ToList();

    public VideoOptions? Find(string id) => videos.Value.FirstOrDefault(v => string.Equals(v.Id, id, StringComparison.Ordinal));

    /// <summary>The file's full path (relative paths start at the content root).</summary>
    public string PathOf(VideoOptions video)
    {
        ArgumentNullException.ThrowIfNull(video);
        return Resolve(environment.ContentRootPath, video.File!);
    }

    public static string Resolve(string contentRoot, string file) => Path.GetFullPath(file, contentRoot);

    /// <summary><c>video/mp4</c> or <c>video/webm</c> by extension; null for anything else.</summary>
    public static string? ContentTypeOf(string file) =>
        ContentTypes.TryGetValue(Path.GetExtension(file), out var type) ? type : null;

    public static bool IsValidId(string? id) =>
        id is { Length: > 0 and <= 64 } && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');
}
