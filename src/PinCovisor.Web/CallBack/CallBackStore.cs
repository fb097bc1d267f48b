using System.Globalization;
using Microsoft.Extensions.Options;
using PinCovisor.Web.Redis;
using PinCovisor.Web.Sessions;
using StackExchange.Redis;

namespace PinCovisor.Web.CallBack;

/// <summary>What became of a customer's request to be called.</summary>
internal enum CallBackRequestOutcome
{
    Stored,
    SessionGone,
    HasCall,
    TooSoon,
}

/// <summary>A request ready to be dialled: the number as stored (protected) and as shown (masked).</summary>
internal sealed record PendingCallBack(string ProtectedNumber, string MaskedNumber);

/// <summary>Why a request could not be taken for dialling.</summary>
internal enum CallBackClaimOutcome
{
    Claimed,
    SessionGone,
    HasCall,
    NoRequest,
    AlreadyPlacing,
}

/// <summary>
/// Call-back requests in Redis, beside their session (<c>pb:{session:…}:callback</c>, a hash of the
/// protected number, the masked one and when it was asked), the pause between two requests
/// (<c>…:callback-pause</c>), and the binding of the session to the call once it is placed.
/// </summary>
internal sealed class CallBackStore(IConnectionMultiplexer redis, IOptions<SessionsOptions> sessions, TimeProvider time)
{
    // Longer than placing ever takes (Twilio:ApiTimeout and a few Redis writes); after it, a
    // placing whose host died is taken as abandoned and the agent may try again.
    private static readonly TimeSpan AbandonedAfter = TimeSpan.FromMinutes(2);

    private IDatabase Db => redis.GetDatabase();

    public static RedisKey Request(string sessionId) => CovisorKeys.SessionScoped(sessionId, "callback");

    public static RedisKey Pause(string sessionId) => CovisorKeys.SessionScoped(sessionId, "callback-pause");

    /// <summary>Stores the request unless the session is gone, has a call, or asked less than <paramref name="pause"/> ago.</summary>
    /// <returns>The outcome, and for <see cref="CallBackRequestOutcome.TooSoon"/> how long is left.</returns>
    public async Task<(CallBackRequestOutcome Outcome, TimeSpan Wait)> TryRequestAsync(
        string sessionId, string protectedNumber, string maskedNumber, TimeSpan pause, CancellationToken cancellationToken = default)
    {
        var result = (long)await CallBackScripts.Request.RunAsync(Db,
            [SessionKeys.Session(sessionId), Request(sessionId), Pause(sessionId)],
            [protectedNumber, maskedNumber, SessionRecords.Ms(time.GetUtcNow()), Ms(pause)], cancellationToken).ConfigureAwait(false);
        return result switch
        {
            0 => (CallBackRequestOutcome.Stored, TimeSpan.Zero),
            -1 => (CallBackRequestOutcome.SessionGone, TimeSpan.Zero),
            -2 => (CallBackRequestOutcome.HasCall, TimeSpan.Zero),
            _ => (CallBackRequestOutcome.TooSoon, TimeSpan.FromMilliseconds(result)),
        };
    }

    /// <summary>Takes the waiting request for dialling, once: a second agent action meanwhile is refused.</summary>
    public async Task<(CallBackClaimOutcome Outcome, PendingCallBack? Pending)> TryStartPlacingAsync(
        string sessionId, CancellationToken cancellationToken = default)
    {
        var result = (RedisResult[])(await CallBackScripts.StartPlacing.RunAsync(Db,
            [SessionKeys.Session(sessionId), Request(sessionId)], [SessionRecords.Ms(time.GetUtcNow()), Ms(AbandonedAfter)], cancellationToken).ConfigureAwait(false))!;
        return (long)result[0] switch
        {
            1 => (CallBackClaimOutcome.Claimed, new PendingCallBack(result[1].ToString(), result[2].ToString())),
            -1 => (CallBackClaimOutcome.SessionGone, null),
            -2 => (CallBackClaimOutcome.HasCall, null),
            -3 => (CallBackClaimOutcome.NoRequest, null),
            _ => (CallBackClaimOutcome.AlreadyPlacing, null),
        };
    }

    private static string Ms(TimeSpan span) => ((long)span.TotalMilliseconds).ToString(CultureInfo.InvariantCulture);

    /// <summary>Gives the request back after a call that was not placed, so the agent may try again.</summary>
    public Task StopPlacingAsync(string sessionId) =>
        Db.HashDeleteAsync(Request(sessionId), "placing");

    /// <summary>
    /// Binds the session to the call placed for it: the call → session index first (so a status
    /// callback finds the session), then the session's own record, which also drops the request.
    /// False, with the index removed again, when the session closed or got a call meanwhile.
    /// </summary>
    public async Task<bool> BindAsync(string sessionId, string callSid)
    {
        var index = SessionKeys.CallSession(callSid);
        if (!await Db.StringSetAsync(index, sessionId, sessions.Value.Lifetime, When.NotExists).ConfigureAwait(false))
        {
            return false;
        }

        long bound;
        try
        {
            bound = (long)await CallBackScripts.Bind.RunAsync(Db,
                [SessionKeys.Session(sessionId), Request(sessionId)], [callSid]).ConfigureAwait(false);
        }
        catch
        {
            // Left in place, the index would bring the end of a call that was hung up into the session.
            await Db.KeyDeleteAsync(index, CommandFlags.FireAndForget).ConfigureAwait(false);
            throw;
        }

        if (bound > 0)
        {
            return true;
        }

        await Db.KeyDeleteAsync(index).ConfigureAwait(false);
        return false;
    }
}
