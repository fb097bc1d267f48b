using System.Globalization;
using StackExchange.Redis;

namespace PinCovisor.Web.Sessions;

/// <summary>Turns the session and participant hashes back into records.</summary>
internal static class SessionRecords
{
    public static Dictionary<string, string> Hash(HashEntry[] entries) =>
        entries.ToDictionary(e => e.Name.ToString(), e => e.Value.ToString(), StringComparer.Ordinal);

    /// <summary>A hash as a script returns it: field, value, field, value…</summary>
    public static Dictionary<string, string> Hash(RedisResult flat)
    {
        var items = (RedisResult[])flat!;
        var hash = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < items.Length; i += 2)
        {
            hash[items[i].ToString()] = items[i + 1].ToString();
        }

        return hash;
    }

    /// <summary>The session, or null when the hash is empty (unknown or expired).</summary>
    public static CovisorSession? Session(string sessionId, Dictionary<string, string> hash) =>
        hash.TryGetValue("created", out _)
            ? new CovisorSession(
                sessionId,
                Enum.TryParse<SessionOrigin>(hash.GetValueOrDefault("origin"), out var origin) ? origin : SessionOrigin.Call,
                hash.GetValueOrDefault("call"),
                hash.GetValueOrDefault("agent"),
                Instant(hash, "created")!.Value,
                Instant(hash, "ended"),
                Instant(hash, "closed"))
            : null;

    /// <summary>The participant, or null when the hash is empty.</summary>
    public static Participant? Participant(string sessionId, string participantId, Dictionary<string, string> hash) =>
        hash.TryGetValue("admission", out var text) && Enum.TryParse<AdmissionState>(text, out var admission)
            ? new Participant(participantId, sessionId, admission, hash.GetValueOrDefault("device"),
                Instant(hash, "joined") ?? DateTimeOffset.UnixEpoch)
            : null;

    public static string Ms(DateTimeOffset instant) => instant.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);

    private static DateTimeOffset? Instant(Dictionary<string, string> hash, string field) =>
        hash.TryGetValue(field, out var text) && long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var ms)
            ? DateTimeOffset.FromUnixTimeMilliseconds(ms)
            : null;
}
