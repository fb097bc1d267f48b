using PhoneBridge.Redis;
namespace PinCovisor.Web.Visitors;

/// <summary>Lua scripts of the visitor store; each touches one key.</summary>
internal static class VisitorScripts
{
    /// <summary>
    /// Records a page view of a known visitor. KEYS[1] visitor hash; ARGV key hash, now ms, window ms,
    /// max per window, url, title, device, lifetime ms, in a session ('1' or '0'), a heartbeat of a page
    /// already counted ('1': the view count stays) or a page view ('0'). Returns {0} unknown or wrong key,
    /// {2, retry-after ms} throttled, {1} recorded. Checking the key, counting and updating happen
    /// in one step, so two tabs reporting at once cannot slip past the limit.
    /// </summary>
    public static readonly EmbeddedScript PageView = EmbeddedScript.Load(typeof(VisitorScripts), "page_view");

    /// <summary>
    /// Marks a visitor live and keeps the index bounded by itself: entries older than the live
    /// window and all but the newest max go, and the index expires one window after its last page
    /// view. KEYS[1] live index; ARGV visitor id, now ms, live window ms, max kept.
    /// </summary>
    public static readonly EmbeddedScript MarkLive = EmbeddedScript.Load(typeof(VisitorScripts), "mark_live");
}
