using Microsoft.Extensions.Options;

namespace PinCovisor.Web.Videos;

/// <summary>Rejects an unusable video list at start-up, naming the entry and key at fault.</summary>
internal sealed class VideoValidation(IOptions<VideoHostOptions> hosts, IHostEnvironment environment) : IValidateOptions<List<VideoOptions>>
{
    public ValidateOptionsResult Validate(string? name, List<VideoOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < options.Count; i++)
        {
            var video = options[i];
            var key = $"Videos:{i}";
            if (!VideoLibrary.IsValidId(video.Id))
            {
                failures.Add($"{key}:Id is required: 1-64 letters, digits, '-', '_' or '.'");
            }
            else if (!seen.Add(video.Id))
            {
                failures.Add($"{key}:Id '{video.Id}' is used twice; Videos:N:Id must be unique");
            }

            if (string.IsNullOrWhiteSpace(video.Title))
            {
                failures.Add($"{key}:Title is required");
            }

            var hasFile = !string.IsNullOrWhiteSpace(video.File);
            var hasUrl = !string.IsNullOrWhiteSpace(video.Url);
            if (hasFile == hasUrl)
            {
                failures.Add($"{key} needs exactly one of File or Url");
            }
            else if (hasFile)
            {
                failures.AddRange(CheckFile(key, video.File!));
            }
            else
            {
                failures.AddRange(CheckUrl(key, video.Url!));
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private IEnumerable<string> CheckFile(string key, string file)
    {
        if (VideoLibrary.ContentTypeOf(file) is null)
        {
            yield return $"{key}:File must be an .mp4 or .webm file";
        }
        else if (!System.IO.File.Exists(VideoLibrary.Resolve(environment.ContentRootPath, file)))
        {
            yield return $"{key}:File '{file}' does not exist (relative paths start at the content root)";
        }
    }

    private IEnumerable<string> CheckUrl(string key, string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            yield return $"{key}:Url must be an absolute http or https URL";
        }
        else if (!hosts.Value.Allowed.Contains(uri.IdnHost, StringComparer.OrdinalIgnoreCase))
        {
            yield return $"{key}:Url host '{uri.IdnHost}' is not in VideoHosts:Allowed";
        }
    }
}
