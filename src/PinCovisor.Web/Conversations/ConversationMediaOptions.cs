namespace PinCovisor.Web.Conversations;

/// <summary>The attachments of customers' messages, and of the agents' (section <c>Messaging</c>).</summary>
public sealed class ConversationMediaOptions
{
    /// <summary>The largest attachment fetched from Twilio, in bytes; reading stops there (WhatsApp's own cap is 16 MB).</summary>
    public long MaxMediaBytes { get; set; } = 16 * 1024 * 1024;

    /// <summary>The most attachments of one message that are fetched (Twilio's MMS limit); later ones are refused.</summary>
    public int MaxMediaPerMessage { get; set; } = 10;

    /// <summary>The longest fetching one attachment may take, redirect and body included.</summary>
    public TimeSpan MediaTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>When true, each attachment is deleted at Twilio once the host has stored it.</summary>
    public bool DeleteMediaAtTwilio { get; set; }

    /// <summary>How long the link Twilio fetches an agent's attachment from (<c>/media/out/…</c>) serves it.</summary>
    public TimeSpan AttachmentLinkLifetime { get; set; } = TimeSpan.FromMinutes(10);
}
