using Microsoft.AspNetCore.Http.HttpResults;
using PinCovisor.Web.Auth;
using PinCovisor.Web.Media;
using PinCovisor.Web.Sessions;

namespace PinCovisor.Web.Catalog;

/// <summary>
/// <c>GET /api/catalog/search?q=&amp;limit=</c> (agents, who pick what to share) and
/// <c>GET /api/catalog/{id}</c> (agents and admitted customers, who see the shared card).
/// </summary>
internal static class CatalogEndpoints
{
    private const int DefaultLimit = 20;
    private const int MaxLimit = 100;

    public static IEndpointRouteBuilder MapCatalogEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/catalog").WithTags("Catalog");
        group.MapGet("/search", SearchAsync).RequireAuthorization(CovisorClaims.AgentPolicy).WithName("SearchCatalog");
        group.MapGet("/{id}", FindAsync).RequireAuthorization(CovisorClaims.ParticipantPolicy).WithName("GetProduct").ProducesProblem(StatusCodes.Status404NotFound);
        return endpoints;
    }

    private static async Task<Results<Ok<IReadOnlyList<Product>>, ValidationProblem>> SearchAsync(
        string? q, int? limit, FeedCatalog catalog, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(q) || q.Length > 200)
        {
            errors["q"] = ["Give 1-200 characters to search for."];
        }

        if (limit is < 1 or > MaxLimit)
        {
            errors["limit"] = [$"The limit is between 1 and {MaxLimit}."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        return TypedResults.Ok(await catalog.SearchAsync(q!, limit ?? DefaultLimit, cancellationToken).ConfigureAwait(false));
    }

    private static async Task<Results<Ok<Product>, ProblemHttpResult>> FindAsync(
        string id, HttpContext context, RedisSessionStore sessions, FeedCatalog catalog)
    {
        if (!await SessionMembership.IsParticipantAsync(sessions, context.User, context.RequestAborted).ConfigureAwait(false))
        {
            return Problems.Forbidden("Products are for agents and admitted customers.");
        }

        return await catalog.FindAsync(id, context.RequestAborted).ConfigureAwait(false) is { } product
            ? TypedResults.Ok(product)
            : Problems.NotFound("No such product.");
    }
}
