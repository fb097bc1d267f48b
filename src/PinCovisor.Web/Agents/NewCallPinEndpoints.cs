using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using PhoneBridge.Calls;
using PhoneBridge.Pins;
using PinCovisor.Web.Auth;
using PinCovisor.Web.Sessions;
using PinCovisor.Web.Throttling;

namespace PinCovisor.Web.Agents;

/// <summary>
/// <c>POST /api/calls/{callSid}/pin</c>: the agent on a live call gives the caller a fresh PIN to
/// read out, for instance after turning away a device that joined with the old one. The new PIN
/// joins the call's session like the first did (through the waiting room); the old one stops working.
/// </summary>
internal static class NewCallPinEndpoints
{
    /// <summary>New PINs one call may be given in <see cref="Window"/>.</summary>
    public const int MaxPerWindow = 5;

    /// <summary>The window of <see cref="MaxPerWindow"/>.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(10);

    private const string ThrottleName = "new-pin";

    public static RouteGroupBuilder MapNewCallPin(this RouteGroupBuilder calls)
    {
        calls.MapPost("/{callSid}/pin", IssueAsync).WithName("IssueCallPin")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status429TooManyRequests).ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return calls;
    }

    private static async Task<Results<Ok<NewPinResponse>, ProblemHttpResult>> IssueAsync(
        string callSid, ClaimsPrincipal user, HttpContext http, RedisCallStore calls, IPinStore pins, RedisSessionStore sessions,
        AttemptThrottle throttle, ILoggerFactory loggers)
    {
        var ct = http.RequestAborted;
        var agent = user.AgentUsername()!;
        // Twilio's CallSids are letters and digits; anything else names no call (and no Redis key).
        var wellFormed = callSid.Length is > 0 and <= 64 && callSid.All(char.IsAsciiLetterOrDigit);
        var call = wellFormed ? await calls.GetAsync(callSid, ct).ConfigureAwait(false) : null;
        if (call is null)
        {
            return AgentProblems.NotFound("No such call.");
        }

        if (call.Status.IsOver())
        {
            return AgentProblems.Conflict("The call has ended: a new code would reach nobody.");
        }

        if (call.AnsweringAgent != agent)
        {
            return AgentProblems.Forbidden("Only the agent who answered the call can give the caller a new code.");
        }

        // Each new code frees the last one's place and takes another: a few per call are plenty.
        ThrottleCounter[] counter = [new(AgentKeys.Throttle(ThrottleName, "call", callSid), MaxPerWindow, Window)];
        if ((await throttle.BeginAsync(counter, ct).ConfigureAwait(false)).RetryAfter is { } wait)
        {
            var seconds = AttemptThrottle.RetryAfterSeconds(wait);
            http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            return TypedResults.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many new codes",
                detail: $"This call was given {MaxPerWindow} new codes in the last {Window.TotalMinutes:0} minutes; try again in {seconds} seconds.");
        }

        IssuedPin? pin;
        try
        {
            pin = await pins.ReissueAsync(callSid, ct).ConfigureAwait(false);
        }
        catch (InvalidOperationException)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "No code available",
                detail: "Every PIN length is in use right now; try again in a minute.");
        }

        if (pin is null)
        {
            return AgentProblems.Conflict("The call has ended: a new code would reach nobody.");
        }

        AgentLog.NewPinIssued(loggers.CreateLogger(typeof(NewCallPinEndpoints)), agent, callSid);
        var session = await sessions.FindByCallAsync(callSid, ct).ConfigureAwait(false);
        http.Response.Headers.CacheControl = "no-store"; // The body carries the digits.
        return TypedResults.Ok(new NewPinResponse(callSid, pin.Digits, pin.ExpiresAt, session is { IsClosed: false } ? session.Id : null));
    }
}
