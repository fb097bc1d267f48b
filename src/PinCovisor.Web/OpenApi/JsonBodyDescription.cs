using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace PinCovisor.Web.OpenApi;

/// <summary>Documents a JSON body that a handler reads itself (<c>JsonBody</c>) instead of binding it.</summary>
internal static class JsonBodyDescription
{
    /// <summary>
    /// Puts <typeparamref name="TBody"/> in the document as the operation's <c>application/json</c>
    /// body. Not <c>.Accepts&lt;T&gt;()</c>: its metadata makes routing answer 415 to any other
    /// content type, where these endpoints answer every malformed body with the same 400.
    /// </summary>
    public static RouteHandlerBuilder DescribeJsonBody<TBody>(this RouteHandlerBuilder builder) =>
        builder.AddOpenApiOperationTransformer(async (operation, context, cancellationToken) =>
        {
            if (context.Document is not { } document)
            {
                return;
            }

            var id = typeof(TBody).Name;
            document.AddComponent(id, await context.GetOrCreateSchemaAsync(typeof(TBody), null, cancellationToken).ConfigureAwait(false));
            operation.RequestBody = new OpenApiRequestBody
            {
                Required = true,
                Content = new Dictionary<string, OpenApiMediaType>
                {
                    ["application/json"] = new() { Schema = new OpenApiSchemaReference(id, document) },
                },
            };
        });
}
