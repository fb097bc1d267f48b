using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace PinCovisor.Web.Conversations;

/// <summary>
/// The shop's approved WhatsApp templates (section <c>Messaging:Templates</c>, one entry per name):
/// what an agent sends a customer outside the 24-hour window.
/// </summary>
public sealed partial class TemplateOptions
{
    /// <summary>The templates by name (<c>pedido_listo</c>), as agents pick them.</summary>
    public Dictionary<string, MessageTemplate> Templates { get; } = new(StringComparer.Ordinal);

    /// <summary>The first problem with the configured templates, naming the key; null when there is none.</summary>
    public string? Problem()
    {
        foreach (var (name, template) in Templates)
        {
            var key = $"Messaging:Templates:{name}";
            if (!NamePattern().IsMatch(name))
            {
                return $"{key}: a template's name is 1 to 64 lower-case letters, digits or _";
            }

            if (template.ContentSid is null || !ContentSidPattern().IsMatch(template.ContentSid))
            {
                return $"{key}:ContentSid must be the template's Content SID, HX and 32 hexadecimal digits";
            }

            if (string.IsNullOrWhiteSpace(template.Preview))
            {
                return $"{key}:Preview is required: the text agents and the transcript see";
            }

            if (template.Variables.Any(string.IsNullOrWhiteSpace))
            {
                return $"{key}:Variables must name each variable";
            }

            var placeholders = MessageTemplate.Placeholders(template.Preview);
            if (placeholders.Any(n => n < 1 || n > template.Variables.Count))
            {
                return $"{key}:Preview uses a placeholder beyond its {template.Variables.Count} Variables";
            }
        }

        return null;
    }

    [GeneratedRegex("^[a-z0-9_]{1,64}$", RegexOptions.CultureInvariant)]
    private static partial Regex NamePattern();

    [GeneratedRegex("^HX[0-9a-fA-F]{32}$", RegexOptions.CultureInvariant)]
    private static partial Regex ContentSidPattern();
}

/// <summary>One approved template, as Twilio's Content Template Builder holds it.</summary>
public sealed partial class MessageTemplate
{
    /// <summary>Twilio's Content SID of the approved template (<c>HX</c> and 32 hexadecimal digits).</summary>
    public string? ContentSid { get; set; }

    /// <summary>What each variable means, in order: <c>{{1}}</c> is the first (labels for the agent).</summary>
    public List<string> Variables { get; } = [];

    /// <summary>The template's text with <c>{{1}}</c>… placeholders: what agents and the transcript see.</summary>
    public string Preview { get; set; } = string.Empty;

    /// <summary>The template's language as approved (<c>es</c>, <c>en</c>); shown to agents.</summary>
    public string? Language { get; set; }

    /// <summary>The preview with each <c>{{n}}</c> replaced by <paramref name="values"/>[n - 1].</summary>
    public string Render(IReadOnlyList<string> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return PlaceholderPattern().Replace(Preview, m =>
            int.TryParse(m.Groups[1].ValueSpan, out var n) && n >= 1 && n <= values.Count ? values[n - 1] : m.Value);
    }

    /// <summary>The numbers of the placeholders in <paramref name="preview"/>.</summary>
    internal static IEnumerable<int> Placeholders(string preview) =>
        PlaceholderPattern().Matches(preview).Select(m => int.TryParse(m.Groups[1].ValueSpan, out var n) ? n : 0);

    [GeneratedRegex(@"\{\{\s*(\d{1,3})\s*\}\}", RegexOptions.CultureInvariant)]
    private static partial Regex PlaceholderPattern();
}

/// <summary>Stops the host at start when a template is unusable, naming its key.</summary>
internal sealed class TemplateOptionsValidator : IValidateOptions<TemplateOptions>
{
    public ValidateOptionsResult Validate(string? name, TemplateOptions options) =>
        options?.Problem() is { } problem ? ValidateOptionsResult.Fail(problem) : ValidateOptionsResult.Success;
}
