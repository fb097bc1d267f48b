namespace PinCovisor.Web.OpenApi;

/// <summary>
/// Wires the REST contract: an OpenAPI document of the JSON APIs, served at <c>/openapi/v1.json</c>
/// in Development only. Its checked-in copy (<c>client/openapi/v1.json</c>) is what the browser
/// code's REST types are generated from; the hub's contract is <c>docs/hub-protocol.md</c>.
/// </summary>
internal static class OpenApiExtensions
{
    /// <summary>The document's name, and so its path: <c>/openapi/v1.json</c>.</summary>
    public const string DocumentName = "v1";

    /// <summary>Registers the document's generator with a fixed title and no server list.</summary>
    internal static IHostApplicationBuilder AddOpenApiDocument(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOpenApi(DocumentName, options => options
            .AddSchemaTransformer(NumberSchemas.StrictAsync)
            .AddSchemaTransformer(AllowedStrings.ApplyAsync)
            .AddOperationTransformer(SignInResponses.AddAsync)
            .AddDocumentTransformer((document, _, _) =>
            {
                document.Info.Title = "PinCovisor";
                document.Info.Version = DocumentName;
                // The generator lists the address the request came in on; the checked-in copy must not
                // depend on which port or host served it.
                document.Servers = [];
                return Task.CompletedTask;
            }));
        return builder;
    }

    /// <summary>
    /// Serves <c>/openapi/v1.json</c>, only in Development: elsewhere the path is a plain 404, so a
    /// production host does not describe its APIs to anyone who asks.
    /// </summary>
    internal static WebApplication MapOpenApiDocument(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (app.Environment.IsDevelopment())
        {
            app.MapOpenApi().AllowAnonymous();
        }

        return app;
    }
}
