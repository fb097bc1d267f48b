using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using PhoneBridge.Pins;
using PinCovisor.Web.OpenApi;

namespace PinCovisor.Web.Sessions;

/// <summary><c>POST /api/join</c> (PIN) and <c>POST /api/join/device</c> (second-device code): anonymous.</summary>
internal static class JoinEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        // The bodies are read by hand (JsonBody) so that a malformed one is a 400 like a wrong value;
        // DescribeJsonBody documents them. A refusal is a 404 whatever the reason, a burst a 429.
        var join = endpoints.MapGroup("/api/join").AllowAnonymous().WithTags("Sessions")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        join.MapPost("", ByPinAsync).DescribeJsonBody<PinJoinRequest>().WithName("JoinByPin");
        join.MapPost("/device", ByDeviceAsync).DescribeJsonBody<DeviceJoinRequest>().WithName("JoinByDevice");
        join.MapPost("/invite", InviteJoin.ByInviteAsync).DescribeJsonBody<InviteJoinRequest>().WithName("JoinByInvite");
    }

    private static async Task<Results<Ok<JoinResponse>, JsonHttpResult<ProblemDetails>, ProblemHttpResult, ValidationProblem>> ByPinAsync(
        HttpContext context, JoinFlow flow, IOptions<PinOptions> pinOptions)
    {
        var body = await JsonBody.ReadAsync<PinJoinRequest>(context.Request, context.RequestAborted).ConfigureAwait(false);
        var maxLength = pinOptions.Value.MaxLength;
        if (body?.Pin is not { } pin || pin.Length < PinOptions.MinimumLength || pin.Length > maxLength || !pin.All(char.IsAsciiDigit))
        {
            return JoinProblems.Invalid("pin", $"The PIN is {PinOptions.MinimumLength} to {maxLength} digits.");
        }

        var outcome = await flow.ByPinAsync(pin, ClientBucket.Of(context), DeviceLabel.From(context.Request.Headers.UserAgent),
            context.RequestAborted).ConfigureAwait(false);
        return Answer(context, outcome);
    }

    private static async Task<Results<Ok<JoinResponse>, JsonHttpResult<ProblemDetails>, ProblemHttpResult, ValidationProblem>> ByDeviceAsync(
        HttpContext context, JoinFlow flow)
    {
        var body = await JsonBody.ReadAsync<DeviceJoinRequest>(context.Request, context.RequestAborted).ConfigureAwait(false);
        if (!DeviceCodes.IsWellFormed(body?.Code))
        {
            return JoinProblems.Invalid("code", $"The code is the {DeviceCodes.CodeLength}-character value of the link.");
        }

        var outcome = await flow.ByDeviceCodeAsync(body!.Code!, ClientBucket.Of(context), DeviceLabel.From(context.Request.Headers.UserAgent),
            context.RequestAborted).ConfigureAwait(false);
        return Answer(context, outcome);
    }

    /// <summary>The joiner's answer; <paramref name="refused"/> replaces the usual refusal.</summary>
    internal static Results<Ok<JoinResponse>, JsonHttpResult<ProblemDetails>, ProblemHttpResult, ValidationProblem> Answer(
        HttpContext context, JoinOutcome outcome, Func<JsonHttpResult<ProblemDetails>>? refused = null)
    {
        // The body carries a bearer token: no cache may keep it.
        context.Response.Headers.CacheControl = "no-store";
        return outcome switch
        {
            JoinOutcome.Joined joined => TypedResults.Ok(joined.Response),
            JoinOutcome.TooManyAttempts throttled => JoinProblems.Throttled(context, throttled.RetryAfter),
            _ => (refused ?? JoinProblems.Refused)(),
        };
    }
}
