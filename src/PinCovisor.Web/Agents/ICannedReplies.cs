using System.Text.RegularExpressions;

namespace PinCovisor.Web.Agents;

/// <summary>A prepared answer an agent sends by typing its shortcut.</summary>
/// <param name="Shortcut">E.g. <c>/envio</c>.</param>
/// <param name="Text">The reply, plain text.</param>
public sealed record CannedReply(string Shortcut, string Text);

/// <summary>
/// The shop's canned replies: those configured under <c>CannedReplies</c>, plus those admins added,
/// minus those admins removed (kept in Redis, so every host agrees and configuration never undoes them).
/// </summary>
public interface ICannedReplies
{
    /// <summary>Every reply, by shortcut.</summary>
    Task<IReadOnlyList<CannedReply>> ListAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// The reply's text when <paramref name="text"/> is exactly a shortcut (surrounding spaces and
    /// letter case aside), else <paramref name="text"/> unchanged: chat passes every message through it.
    /// </summary>
    Task<string> ExpandAsync(string text, CancellationToken cancellationToken = default);

    /// <summary>Adds a reply; false when its shortcut is taken.</summary>
    Task<bool> AddAsync(CannedReply reply, CancellationToken cancellationToken = default);

    /// <summary>Removes a reply, configured or added; false when there was none.</summary>
    Task<bool> RemoveAsync(string shortcut, CancellationToken cancellationToken = default);
}

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
