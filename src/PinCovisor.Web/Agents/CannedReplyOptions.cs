namespace PinCovisor.Web.Agents;

/// <summary>One configured canned reply, an entry of the <c>CannedReplies</c> list.</summary>
public sealed class CannedReplyOptions
{
    /// <summary>The configuration section holding the list.</summary>
    public const string SectionName = "CannedReplies";

    /// <summary>What the agent types, e.g. <c>/envio</c>: '/', then 1-32 lower-case letters, digits, '_' or '-'.</summary>
    public string Shortcut { get; set; } = "";

    /// <summary>The reply sent instead (1-2,000 characters), as plain text.</summary>
    public string Text { get; set; } = "";
}
