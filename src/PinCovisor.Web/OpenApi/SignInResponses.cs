using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace PinCovisor.Web.OpenApi;

/// <summary>
/// Documents the 401 and 403 problems of every endpoint that requires a sign-in. They come from the
/// authorization metadata that enforces them, so the document cannot forget one an endpoint has.
/// </summary>
internal static class SignInResponses
{
    private const string SchemaId = nameof(ProblemDetails);

    public static async Task AddAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        if (!metadata.OfType<IAuthorizeData>().Any() || metadata.OfType<IAllowAnonymous>().Any() || context.Document is not { } document)
        {
            return;
        }

        var schema = await context.GetOrCreateSchemaAsync(typeof(ProblemDetails), null, cancellationToken).ConfigureAwait(false);
        document.AddComponent(SchemaId, schema);
        var reference = new OpenApiSchemaReference(SchemaId, document);
        operation.Responses ??= [];
        operation.Responses.TryAdd("401", Problem("Sign-in required: the token or cookie is missing, expired or revoked.", reference));
        operation.Responses.TryAdd("403", Problem("Signed in, but not allowed here (a customer on an agents' API, or another session).", reference));
    }

    private static OpenApiResponse Problem(string description, OpenApiSchemaReference schema) => new()
    {
        Description = description,
        Content = new Dictionary<string, OpenApiMediaType>
        {
            ["application/problem+json"] = new() { Schema = schema },
        },
    };
}
