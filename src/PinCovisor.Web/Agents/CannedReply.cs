using System.Text.RegularExpressions;

namespace PinCovisor.Web.Agents;

/// <summary>A prepared answer an agent sends by typing its shortcut.</summary>
/// <param name="Shortcut">E.g. <c>/envio</c>.</param>
/// <param name="Text">The reply, plain text.</param>
public sealed record CannedReply(string Shortcut, string Text);

/// <summary>What shortcuts and reply texts may look like.</summary>
internal static partial class CannedReplyRules
{
    public const int MaxTextLength = 2000;

    /// <summary>'/', then 1-32 lower-case letters, digits, '_' or '-'.</summary>
    public static bool IsShortcut(string? shortcut) => shortcut is not null && Shortcut().IsMatch(shortcut);

    public static bool IsText(string? text) => !string.IsNullOrWhiteSpace(text) && text.Length <= MaxTextLength;

    [GeneratedRegex("^/[a-z0-9][a-z0-9_-]{0,31}$")]
    private static partial Regex Shortcut();
}
