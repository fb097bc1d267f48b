using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace PinCovisor.Web.Sessions;

/// <summary>Body of <c>POST /api/join/invite</c>: the token of the link an agent sent by WhatsApp or SMS.</summary>
internal sealed record InviteJoinRequest(string? Invite);

/// <summary>
/// <c>POST /api/join/invite</c>: anonymous, throttled as PIN joins are. A wrong, used, replaced or
/// expired link gets one answer, which tells the customer what to do.
/// </summary>
internal static class InviteJoin
{
    private static readonly ProblemDetails Spent = JoinProblems.NotFound("This link was already used or has expired; ask the shop for a new one.");

    public static async Task<Results<Ok<JoinResponse>, JsonHttpResult<ProblemDetails>, ProblemHttpResult, ValidationProblem>> ByInviteAsync(
        HttpContext context, JoinFlow flow)
    {
        var body = await JsonBody.ReadAsync<InviteJoinRequest>(context.Request, context.RequestAborted).ConfigureAwait(false);
        if (!SessionInvites.IsWellFormed(body?.Invite))
        {
            return JoinProblems.Invalid("invite", "The invite is the value of the link's invite parameter.");
        }

        var outcome = await flow.ByInviteAsync(body!.Invite!, ClientBucket.Of(context), DeviceLabel.From(context.Request.Headers.UserAgent),
            context.RequestAborted).ConfigureAwait(false);
        return JoinEndpoints.Answer(context, outcome, Refused);
    }

    // Plain JSON, as the other join refusals: identical refusals stay identical byte for byte.
    private static JsonHttpResult<ProblemDetails> Refused() => JoinProblems.Refused(Spent);
}
