using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace PinCovisor.Web.OpenApi;

/// <summary>
/// Numbers are numbers in the document. The web JSON defaults read a number from a string too, so
/// the generator types every integer as "integer or string with digits"; the host writes them as
/// JSON numbers, and that is what clients should send and expect.
/// </summary>
internal static class NumberSchemas
{
    private const JsonSchemaType Numeric = JsonSchemaType.Integer | JsonSchemaType.Number;

    public static Task StrictAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (schema.Type is { } type && (type & Numeric) != 0 && type.HasFlag(JsonSchemaType.String))
        {
            schema.Type = type & ~JsonSchemaType.String;
            schema.Pattern = null;
        }

        return Task.CompletedTask;
    }
}
