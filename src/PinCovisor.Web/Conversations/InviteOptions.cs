namespace PinCovisor.Web.Conversations;

/// <summary>Links that bring a WhatsApp or SMS customer to the covisor (section <c>Messaging</c>, beside the senders).</summary>
public sealed class InviteOptions
{
    /// <summary>How long a link the agent sends can be opened (once). Default 20 minutes.</summary>
    public TimeSpan InviteLifetime { get; set; } = TimeSpan.FromMinutes(20);
}
