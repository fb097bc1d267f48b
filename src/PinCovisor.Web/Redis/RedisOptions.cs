namespace PinCovisor.Web.Redis;

/// <summary>Where this process keeps its state when no Redis is configured (section <c>Redis</c>).</summary>
public sealed class RedisOptions
{
    /// <summary>Configuration section.</summary>
    public const string SectionName = "Redis";

    /// <summary>
    /// Start the embedded Garnet server when <c>ConnectionStrings:Redis</c> is empty. Unset: yes,
    /// except in Production, where a host that silently kept everything in its own memory would lose
    /// it on every restart and share it with no other host.
    /// </summary>
    public bool? Embedded { get; set; }

    /// <summary>
    /// Where the embedded Garnet keeps its append-only file and checkpoints, so a restart keeps
    /// agents, sessions, history and PINs: relative to the content root; unset, <c>data/garnet</c>;
    /// empty, nowhere (in memory only, lost at every restart). One host per directory.
    /// </summary>
    public string? EmbeddedDataDir { get; set; }

    /// <summary>The embedded store's data directory as a full path, or null for memory only.</summary>
    public string? EmbeddedDataDirectory(string contentRoot) => EmbeddedDataDir switch
    {
        null => Path.Combine(contentRoot, "data", "garnet"),
        "" => null,
        var path => Path.GetFullPath(path, contentRoot),
    };
}
