using System.ComponentModel.DataAnnotations;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace PinCovisor.Web.OpenApi;

/// <summary>
/// A string property marked <c>[property: AllowedValues(...)]</c> (an admission, a presence, a
/// session's origin) is an enum in the document, so the browser code's generated type is the union
/// of those strings rather than any string. The generator itself reads no <see cref="AllowedValuesAttribute"/>.
/// </summary>
internal static class AllowedStrings
{
    public static Task ApplyAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.JsonPropertyInfo?.AttributeProvider?.GetCustomAttributes(typeof(AllowedValuesAttribute), inherit: false)
            is [AllowedValuesAttribute allowed, ..])
        {
            schema.Enum = [.. allowed.Values.Select(value => (JsonNode)JsonValue.Create(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture))!)];
        }

        return Task.CompletedTask;
    }
}
