using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using PhoneBridge.Calls;
using PhoneBridge.Pins;
using PinCovisor.Web.Auth;
using PinCovisor.Web.Sessions;
using PinCovisor.Web.Throttling;

namespace PinCovisor.Web.Agents;

/// <summary><c>GET /api/calls/live</c>, <c>GET /api/calls/silent-ends</c> and <c>POST /api/calls/claim</c>, for agents.</summary>
internal static class LiveCallEndpoints
{
    /// <summary>How long a call ended for lack of news stays in the console's list, saying so.</summary>
    private static readonly TimeSpan SilentEndsShown = TimeSpan.FromMinutes(15);

    public static RouteGroupBuilder MapLiveCalls(this RouteGroupBuilder calls)
    {
        calls.MapGet("/live", ListAsync).WithName("ListLiveCalls");
        calls.MapGet("/silent-ends", async (RedisCallStore store, HttpContext http) => TypedResults.Ok(
            (await store.ListEndedAfterSilenceAsync(SilentEndsShown, http.RequestAborted).ConfigureAwait(false))
                .Select(c => new SilentEndView(c.CallSid, c.MaskedFrom, c.EndedAt ?? c.MovedAt, (long)(c.EndedAfterSilence ?? TimeSpan.Zero).TotalSeconds))
                .ToList())).WithName("ListSilentEnds");
        calls.MapPost("/claim", ClaimAsync).WithName("ClaimCall").ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status429TooManyRequests);
        return calls;
    }

    private static async Task<Ok<List<LiveCallView>>> ListAsync(RedisCallStore calls, IPinStore pins, TimeProvider time, HttpContext http)
    {
        var ct = http.RequestAborted;
        var live = await calls.ListLiveAsync(ct).ConfigureAwait(false);
        var found = await Task.WhenAll(live.Select(c => pins.FindByCallAsync(c.CallSid, ct))).ConfigureAwait(false);
        var now = time.GetUtcNow();
        return TypedResults.Ok(live.Zip(found, (call, pin) => View(call, pin, now)).ToList());
    }

    /// <summary>
    /// Binds the call whose PIN the caller read out to the claiming agent, exactly as answering it
    /// through the IVR would: the call records the agent and <see cref="ICallEvents.AgentAnsweredAsync"/>
    /// puts them in charge of the call's session, if it has one. The PIN is not used up.
    /// </summary>
    private static async Task<Results<Ok<ClaimResponse>, ValidationProblem, ProblemHttpResult>> ClaimAsync(
        ClaimRequest request, ClaimsPrincipal user, HttpContext http, AttemptThrottle throttle, IPinStore pins, RedisCallStore calls,
        ICallEvents events, RedisSessionStore sessions, IOptions<AgentLoginOptions> options, TimeProvider time, ILoggerFactory loggers)
    {
        if (request.Pin is not { Length: >= PinOptions.MinimumLength and <= PinOptions.MaximumLength } pin || !pin.All(char.IsAsciiDigit))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["pin"] = ["The PIN is 4 to 10 digits."] });
        }

        var ct = http.RequestAborted;
        var logger = loggers.CreateLogger(typeof(LiveCallEndpoints));
        var agent = user.AgentUsername()!;
        var counters = LoginThrottle.ClaimCounters(options.Value, agent, ClientBucket.Of(http));
        if ((await throttle.BeginAsync(counters, ct).ConfigureAwait(false)).RetryAfter is { } wait)
        {
            AgentLog.Throttled(logger, LoginThrottle.ClaimName, AttemptThrottle.RetryAfterSeconds(wait));
            return AgentProblems.TooMany(http, wait);
        }

        var callSid = await pins.FindCallByPinAsync(pin, ct).ConfigureAwait(false);
        var bound = callSid is null ? null : await calls.BindAgentAsync(callSid, agent, ct).ConfigureAwait(false);
        if (bound is null)
        {
            AgentLog.ClaimMissed(logger, agent);
            return AgentProblems.NotFound("No live call has this PIN.");
        }

        await throttle.SucceededAsync(counters, ct).ConfigureAwait(false);
        await events.AgentAnsweredAsync(bound, ct).ConfigureAwait(false);
        AgentLog.Claimed(logger, agent, bound.CallSid);
        var session = await sessions.FindByCallAsync(bound.CallSid, ct).ConfigureAwait(false);
        var pinNow = await pins.FindByCallAsync(bound.CallSid, ct).ConfigureAwait(false);
        return TypedResults.Ok(new ClaimResponse(View(bound, pinNow, time.GetUtcNow()), session?.Id));
    }

    private static LiveCallView View(CallRecord call, IssuedPin? pin, DateTimeOffset now) => new(
        call.CallSid,
        call.MaskedFrom,
        call.Status.ToTwilioString(),
        call.StartedAt,
        Math.Max(0, (long)(now - call.StartedAt).TotalSeconds),
        pin?.State switch
        {
            PinState.Live => "live",
            PinState.Redeemed => "redeemed",
            _ => "none",
        },
        call.AnsweringAgent);
}
