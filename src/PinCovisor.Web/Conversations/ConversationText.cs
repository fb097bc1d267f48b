using System.Globalization;
using PinCovisor.Web.Hub;

namespace PinCovisor.Web.Conversations;

/// <summary>What customers' apps send, cleaned as chat is (<see cref="PlainText"/>) and cut to the hub's limits.</summary>
internal static class ConversationText
{
    private const int MaxNameLength = 64;

    /// <summary>A profile name fit to show: one line, at most 64 characters; null when nothing is left.</summary>
    public static string? Name(string? profileName) =>
        PlainText.Clean(profileName?.Replace('\n', ' ').Replace('\r', ' ')) is { } name ? Cut(name, MaxNameLength) : null;

    /// <summary>
    /// The message's text: its body, else the button the customer tapped; cut (with "…") to
    /// <paramref name="maxLength"/> characters, since the customer cannot be refused as a console user is. Empty when neither.
    /// </summary>
    public static string Body(string? body, string? buttonText, int maxLength) =>
        (PlainText.Clean(body) ?? PlainText.Clean(buttonText)) is { } text ? Cut(text, maxLength) : string.Empty;

    private static string Cut(string text, int maxLength)
    {
        if (PlainText.Length(text) <= maxLength)
        {
            return text;
        }

        var info = new StringInfo(text);
        return info.SubstringByTextElements(0, Math.Max(1, maxLength - 1)) + "…";
    }
}
