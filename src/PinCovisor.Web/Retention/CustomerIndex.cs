using Microsoft.Extensions.Options;
using PhoneBridge.Calls;
using PinCovisor.Web.Hub;
using PinCovisor.Web.Media;
using PinCovisor.Web.Sessions;
using StackExchange.Redis;

namespace PinCovisor.Web.Retention;

/// <summary>
/// Files calls and conversations under their customer's number (<see cref="RetentionKeys.Customer"/>)
/// and in their classes' time indexes (<see cref="RetentionKeys.Aged"/>), where they are created.
/// A class with 0 days keeps no time index. The number's set lives as long as the longest of the
/// data it points to may, and is refreshed at each filing.
/// </summary>
internal sealed class CustomerIndex(
    IConnectionMultiplexer redis,
    CustomerNumbers numbers,
    IOptions<RetentionOptions> retention,
    IOptions<CallOptions> calls,
    IOptions<SessionsOptions> sessions,
    IOptions<CovisorHubOptions> hub,
    IOptions<MediaOptions> media,
    TimeProvider time) : ICallerIndex
{
    /// <summary>The session classes, in the order the sweep purges them.</summary>
    public static readonly IReadOnlyList<string> SessionClasses = [RetainedClass.Transcripts, RetainedClass.Media, RetainedClass.Conversations];

    private IDatabase Db => redis.GetDatabase();

    /// <summary>How long a number's set is kept after its latest filing.</summary>
    public TimeSpan KeepFor
    {
        get
        {
            var r = retention.Value;
            var days = new[] { r.CallRecords, r.Transcripts, r.Media, r.Conversations, r.Csat }.Max();
            return new[] { TimeSpan.FromDays(days), calls.Value.RecordLifetime, sessions.Value.Lifetime, hub.Value.HistoryLifetime, media.Value.Lifetime }.Max();
        }
    }

    public async Task AddCallAsync(string callSid, string? number, CancellationToken cancellationToken = default)
    {
        await AgeAsync([RetainedClass.CallRecords], callSid, cancellationToken).ConfigureAwait(false);
        if (CustomerNumbers.Normalize(number) is { } e164)
        {
            await FileAsync(e164, RetentionKeys.CallMember + callSid, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Files a conversation's session under the customer's address (<c>whatsapp:+…</c> or <c>+…</c>).</summary>
    public async Task AddConversationAsync(string address, string sessionId, CancellationToken cancellationToken = default)
    {
        if (CustomerNumbers.Normalize(address) is { } e164)
        {
            await FileAsync(e164, RetentionKeys.SessionMember + sessionId, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Puts a new session in the session classes' time indexes.</summary>
    public Task AddSessionAsync(string sessionId, CancellationToken cancellationToken = default) =>
        AgeAsync(SessionClasses, sessionId, cancellationToken);

    /// <summary>What is filed under the number: call SIDs and session ids.</summary>
    public async Task<(IReadOnlyList<string> CallSids, IReadOnlyList<string> SessionIds)> FindAsync(string e164, CancellationToken cancellationToken = default)
    {
        var members = await Db.SetMembersAsync(RetentionKeys.Customer(numbers.Hash(e164))).WaitAsync(cancellationToken).ConfigureAwait(false);
        var all = members.Select(m => m.ToString()).ToList();
        return (Strip(all, RetentionKeys.CallMember), Strip(all, RetentionKeys.SessionMember));
    }

    /// <summary>Forgets the number's set.</summary>
    public Task ForgetAsync(string e164, CancellationToken cancellationToken = default) =>
        Db.KeyDeleteAsync(RetentionKeys.Customer(numbers.Hash(e164))).WaitAsync(cancellationToken);

    private static List<string> Strip(List<string> members, string prefix) =>
        [.. members.Where(m => m.StartsWith(prefix, StringComparison.Ordinal)).Select(m => m[prefix.Length..])];

    private async Task FileAsync(string e164, string member, CancellationToken cancellationToken)
    {
        var key = RetentionKeys.Customer(numbers.Hash(e164));
        var transaction = Db.CreateTransaction();
        _ = transaction.SetAddAsync(key, member);
        _ = transaction.KeyExpireAsync(key, KeepFor);
        await transaction.ExecuteAsync().WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task AgeAsync(IEnumerable<string> classes, string id, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        // Each index is a key of its own slot: one command each, never one across slots. NX keeps the first time.
        var kept = classes.Where(c => retention.Value.DaysOf(c) > 0).ToList();
        await Task.WhenAll(kept.Select(c => Db.SortedSetAddAsync(RetentionKeys.Aged(c), id, now, SortedSetWhen.NotExists)))
            .WaitAsync(cancellationToken).ConfigureAwait(false);
    }
}
