using System.Text.Json;
using PinCovisor.Web.Conversations;

namespace PinCovisor.Web.Demo;

/// <summary>
/// What a customer's phone shows for a template message: WhatsApp renders the approved text with the
/// variables; the demo's simulated API does the same with the configured preview.
/// </summary>
internal static class TemplateText
{
    /// <summary>The rendered text, or null when <paramref name="contentSid"/> is none of the shop's templates.</summary>
    public static string? Render(TemplateOptions templates, string? contentSid, string? contentVariables)
    {
        var template = templates.Templates.Values.FirstOrDefault(t => string.Equals(t.ContentSid, contentSid, StringComparison.OrdinalIgnoreCase));
        if (template is null)
        {
            return null;
        }

        Dictionary<string, string>? variables = null;
        try
        {
            variables = string.IsNullOrEmpty(contentVariables) ? null : JsonSerializer.Deserialize<Dictionary<string, string>>(contentVariables);
        }
        catch (JsonException)
        {
            // Shown with its placeholders, as a phone would show nothing better.
        }

        var values = Enumerable.Range(1, template.Variables.Count)
            .Select(n => variables?.GetValueOrDefault(n.ToString(System.Globalization.CultureInfo.InvariantCulture)) ?? $"{{{{{n}}}}}")
            .ToList();
        return template.Render(values);
    }
}
