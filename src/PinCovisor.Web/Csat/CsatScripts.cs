using PhoneBridge.Redis;
namespace PinCovisor.Web.Csat;

/// <summary>The Lua of the survey; each script touches keys of one session.</summary>
internal static class CsatScripts
{
    /// <summary>
    /// KEYS: the session's offer, its response. ARGV: score, comment, at (Unix ms), message id, lifetime (ms).
    /// Writes the session's one answer with the offer's agent and channel: 0 when no question was asked
    /// (or it lapsed), 1 when an answer is already there, 2 when it is there from this same message id
    /// (a retried webhook), 3 when written now.
    /// </summary>
    public static readonly EmbeddedScript Record = EmbeddedScript.Load(typeof(CsatScripts), "record");
}
