using Microsoft.AspNetCore.Http.HttpResults;
using PinCovisor.Web.Auth;
using PinCovisor.Web.OpenApi;
using PinCovisor.Web.Sessions;

namespace PinCovisor.Web.Visitors;

/// <summary>
/// <c>POST /api/visitors/pageview</c> (anonymous, the shop widget), <c>GET /api/visitors</c> and
/// <c>POST /api/visitors/{visitorId}/invite</c> (agents).
/// </summary>
internal static class VisitorEndpoints
{
    private const int MaxUrlLength = 2048;
    private const int MaxTitleLength = 200;

    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var visitors = endpoints.MapGroup("/api/visitors").WithTags("Visitors");
        // The body is read by hand (JsonBody) so that a malformed one is a 400 like a wrong value;
        // DescribeJsonBody documents it.
        visitors.MapPost("/pageview", PageViewAsync).AllowAnonymous().DescribeJsonBody<PageViewRequest>().WithName("ReportPageView")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status429TooManyRequests);
        visitors.MapGet("", ListAsync).RequireAuthorization(CovisorClaims.AgentPolicy).WithName("ListVisitors");
        visitors.MapPost("/{visitorId}/invite", InviteAsync).RequireAuthorization(CovisorClaims.AgentPolicy).WithName("InviteVisitor")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static async Task<Results<Ok<PageViewResponse>, ProblemHttpResult, ValidationProblem>> PageViewAsync(
        HttpContext context, RedisVisitorStore store, VisitorInvitations invitations, ShopOrigins shops, ILogger<RedisVisitorStore> logger)
    {
        var cancellationToken = context.RequestAborted;
        var body = await JsonBody.ReadAsync<PageViewRequest>(context.Request, cancellationToken).ConfigureAwait(false);
        if (body is null)
        {
            return VisitorProblems.Invalid("body", "The body is a JSON object with at least a url.");
        }

        if (!IsPageUrl(body.Url, out var page))
        {
            return VisitorProblems.Invalid("url", $"The url is an absolute http or https address of at most {MaxUrlLength} characters.");
        }

        var title = new string([.. (body.Title ?? "").Where(c => !char.IsControl(c))]).Trim();
        if (title.Length > MaxTitleLength)
        {
            return VisitorProblems.Invalid("title", $"The title is at most {MaxTitleLength} characters.");
        }

        // The agents' list links to these pages: only the shop's own, whoever sends the report.
        var origin = context.Request.Headers.Origin;
        if (!shops.AllowPageView(page, origin))
        {
            logger.ForeignOrigin(origin.Count > 0 ? origin.ToString() : page.GetLeftPart(UriPartial.Authority));
            return VisitorProblems.ForeignOrigin();
        }

        var device = DeviceLabel.From(context.Request.Headers.UserAgent);
        var bucket = ClientBucket.Of(context);
        context.Response.Headers.CacheControl = "no-store"; // The answer may carry a key or a token.
        if (body.VisitorId is null && body.VisitorKey is null)
        {
            var first = await store.CreateAsync(bucket, body.Url!, title, device, cancellationToken).ConfigureAwait(false);
            if (first is PageViewOutcome.TooManyViews tooMany)
            {
                logger.ThrottledNew(bucket);
                return VisitorProblems.Throttled(context, tooMany.RetryAfter);
            }

            var created = (PageViewOutcome.Recorded)first;
            logger.NewVisitor(created.VisitorId);
            return TypedResults.Ok(new PageViewResponse(created.VisitorId, created.NewKey, null));
        }

        if (!VisitorIds.IsWellFormedId(body.VisitorId) || !VisitorIds.IsWellFormedKey(body.VisitorKey))
        {
            return VisitorProblems.UnknownVisitor();
        }

        var outcome = await store.RecordAsync(bucket, body.VisitorId!, body.VisitorKey!, body.Url!, title, device, body.InSession == true, body.Heartbeat == true,
            cancellationToken).ConfigureAwait(false);
        switch (outcome)
        {
            case PageViewOutcome.Recorded recorded:
                var invitation = await invitations.DeliverAsync(recorded.VisitorId, device, cancellationToken).ConfigureAwait(false);
                return TypedResults.Ok(new PageViewResponse(recorded.VisitorId, null, invitation));
            case PageViewOutcome.TooManyViews throttled:
                if (throttled.ByClient)
                {
                    logger.ThrottledTries(bucket);
                }
                else
                {
                    logger.Throttled(body.VisitorId!);
                }

                return VisitorProblems.Throttled(context, throttled.RetryAfter);
            default:
                return VisitorProblems.UnknownVisitor();
        }
    }

    private static async Task<Ok<IReadOnlyList<VisitorView>>> ListAsync(RedisVisitorStore store, CancellationToken cancellationToken) =>
        TypedResults.Ok(await store.ListLiveAsync(cancellationToken).ConfigureAwait(false));

    private static async Task<Results<Created<InviteResponse>, ProblemHttpResult>> InviteAsync(
        string visitorId, HttpContext context, VisitorInvitations invitations)
    {
        if (!VisitorIds.IsWellFormedId(visitorId) || context.User.AgentUsername() is not { } agent)
        {
            return VisitorProblems.UnknownVisitor();
        }

        var outcome = await invitations.InviteAsync(visitorId, agent, context.RequestAborted).ConfigureAwait(false);
        return outcome switch
        {
            InviteOutcome.Invited invited => TypedResults.Created((string?)null, new InviteResponse(invited.SessionId)),
            InviteOutcome.AlreadyInvited => VisitorProblems.AlreadyInvited(),
            InviteOutcome.InSession => VisitorProblems.InSession(),
            _ => VisitorProblems.UnknownVisitor(),
        };
    }

    private static bool IsPageUrl(string? url, out Uri page) =>
        Uri.TryCreate(url is { Length: > 0 and <= MaxUrlLength } ? url : null, UriKind.Absolute, out page!)
        && (page.Scheme == Uri.UriSchemeHttp || page.Scheme == Uri.UriSchemeHttps);
}
