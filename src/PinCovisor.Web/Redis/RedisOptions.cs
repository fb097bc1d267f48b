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
}
