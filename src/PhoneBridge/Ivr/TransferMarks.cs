using PhoneBridge.Redis;
using StackExchange.Redis;

namespace PhoneBridge.Ivr;

/// <summary>What the mark of a transfer said when its dial reported a result.</summary>
internal enum TransferMarkState
{
    /// <summary>The result is the call's latest transfer; the mark is gone now.</summary>
    Current,

    /// <summary>A later transfer (or this one's ring-back) replaced it: the result tells nobody and marks nothing.</summary>
    Superseded,

    /// <summary>No mark: it expired, or this result was told before (a retry or a replay).</summary>
    None,
}

/// <summary>The outcome of ending a transfer's mark; <paramref name="TakenBy"/> is who took the call, if anyone.</summary>
internal sealed record TransferMark(TransferMarkState State, string? TakenBy);

/// <summary>
/// The mark a ringing transfer leaves beside the call's record (<see cref="RedisKeys.CallTransfer"/>,
/// same slot): one transfer rings at a time, the agent's binding marks it taken, and only the
/// latest transfer's result acts, once.
/// </summary>
internal sealed class TransferMarks(IConnectionMultiplexer redis)
{
    private static readonly EmbeddedScript BeginScript = EmbeddedScript.Load(typeof(TransferMarks), "transfer_begin");
    private static readonly EmbeddedScript TakenScript = EmbeddedScript.Load(typeof(TransferMarks), "transfer_taken");
    private static readonly EmbeddedScript EndScript = EmbeddedScript.Load(typeof(TransferMarks), "transfer_end");

    private IDatabase Database => redis.GetDatabase();

    /// <summary>'begun', 'ringing' or 'over' (see transfer_begin.lua).</summary>
    public async Task<string> BeginAsync(string callSid, string id, string from, string to, TimeSpan lifetime, CancellationToken cancellationToken) =>
        (string)(await BeginScript.RunAsync(Database, [RedisKeys.CallTransfer(callSid), RedisKeys.Call(callSid)],
            [id, from, to, (long)lifetime.TotalMilliseconds], cancellationToken).ConfigureAwait(false))!;

    public async Task<bool> TakenAsync(string callSid, string agent, CancellationToken cancellationToken) =>
        (long)await TakenScript.RunAsync(Database, [RedisKeys.CallTransfer(callSid)], [agent], cancellationToken).ConfigureAwait(false) == 1;

    public async Task<TransferMark> EndAsync(string callSid, string id, CancellationToken cancellationToken)
    {
        var result = (RedisResult[])(await EndScript.RunAsync(Database, [RedisKeys.CallTransfer(callSid)], [id], cancellationToken).ConfigureAwait(false))!;
        return (string?)result[0] switch
        {
            "current" => new TransferMark(TransferMarkState.Current, (string?)result[1] is { Length: > 0 } taken ? taken : null),
            "superseded" => new TransferMark(TransferMarkState.Superseded, null),
            _ => new TransferMark(TransferMarkState.None, null),
        };
    }
}
