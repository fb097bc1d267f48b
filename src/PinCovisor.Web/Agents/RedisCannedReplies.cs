using PhoneBridge.Redis;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace PinCovisor.Web.Agents;

/// <summary>
/// The shop's canned replies: those configured under <c>CannedReplies</c>, plus those admins added,
/// minus those admins removed. Configuration is read as it is; Redis holds only admins' changes
/// (added replies, removed configured shortcuts) under the <c>{canned}</c> tag.
/// </summary>
internal sealed class RedisCannedReplies(IConnectionMultiplexer redis, IOptionsMonitor<List<CannedReplyOptions>> configured)
{
    // KEYS: added, removed. ARGV: shortcut, text, '1' when configured. 1 when added, 0 when taken.
    private static readonly EmbeddedScript Add = EmbeddedScript.Load(typeof(RedisCannedReplies), "add");

    // KEYS: added, removed. ARGV: shortcut, '1' when configured. 1 when something was removed.
    private static readonly EmbeddedScript Remove = EmbeddedScript.Load(typeof(RedisCannedReplies), "remove");

    private static readonly RedisKey[] Keys = [AgentKeys.CannedReplies, AgentKeys.RemovedCannedReplies];

    private IDatabase Db => redis.GetDatabase();

    /// <summary>Every reply, by shortcut.</summary>
    public async Task<IReadOnlyList<CannedReply>> ListAsync(CancellationToken cancellationToken = default)
    {
        var added = Db.HashGetAllAsync(AgentKeys.CannedReplies);
        var removed = Db.SetMembersAsync(AgentKeys.RemovedCannedReplies);
        await Task.WhenAll(added, removed).WaitAsync(cancellationToken).ConfigureAwait(false);

        var gone = removed.Result.Select(r => r.ToString()).ToHashSet(StringComparer.Ordinal);
        var replies = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var reply in configured.CurrentValue.Where(r => !gone.Contains(r.Shortcut)))
        {
            replies[reply.Shortcut] = reply.Text;
        }

        foreach (var entry in added.Result)
        {
            replies[entry.Name.ToString()] = entry.Value.ToString();
        }

        return replies.Select(r => new CannedReply(r.Key, r.Value)).ToList();
    }

    /// <summary>
    /// The reply's text when <paramref name="text"/> is exactly a shortcut (surrounding spaces and
    /// letter case aside), else <paramref name="text"/> unchanged: chat passes every message through it.
    /// </summary>
    public async Task<string> ExpandAsync(string text, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(text);
        var candidate = text.Trim();

        // Most messages are not shortcuts: answer those without asking Redis.
        if (!candidate.StartsWith('/') || candidate.Length > 33)
        {
            return text;
        }

        var replies = await ListAsync(cancellationToken).ConfigureAwait(false);
        return replies.FirstOrDefault(r => string.Equals(r.Shortcut, candidate, StringComparison.OrdinalIgnoreCase))?.Text ?? text;
    }

    /// <summary>Adds a reply; false when its shortcut is taken.</summary>
    public async Task<bool> AddAsync(CannedReply reply, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reply);
        var result = await Add.RunAsync(Db, Keys, [reply.Shortcut, reply.Text, IsConfigured(reply.Shortcut)], cancellationToken).ConfigureAwait(false);
        return (long)result == 1;
    }

    /// <summary>Removes a reply, configured or added; false when there was none.</summary>
    public async Task<bool> RemoveAsync(string shortcut, CancellationToken cancellationToken = default)
    {
        var result = await Remove.RunAsync(Db, Keys, [shortcut, IsConfigured(shortcut)], cancellationToken).ConfigureAwait(false);
        return (long)result == 1;
    }

    private string IsConfigured(string shortcut) =>
        configured.CurrentValue.Any(r => string.Equals(r.Shortcut, shortcut, StringComparison.Ordinal)) ? "1" : "0";
}
