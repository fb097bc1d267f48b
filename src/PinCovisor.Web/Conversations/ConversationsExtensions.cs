using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using PhoneBridge.Messaging;
using Microsoft.Extensions.Hosting;

namespace PinCovisor.Web.Conversations;

/// <summary>Wires WhatsApp and SMS conversations: the store, routing, the inbox Twilio's webhook feeds and the outbox the hub uses.</summary>
internal static class ConversationsExtensions
{
    /// <summary>
    /// Registers the conversations' side of PhoneBridge's <see cref="IInboundMessages"/> (replacing the
    /// stand-in); the <c>Messaging</c> options come with <c>AddIvr</c>. Addresses are encrypted
    /// with the Data Protection key ring the agents' sign-in uses.
    /// </summary>
    internal static IHostApplicationBuilder AddConversations(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddSingleton<ConversationStore>();
        services.AddSingleton<ConversationRouting>();
        services.AddSingleton<ConversationOutbox>();
        services.AddHttpContextAccessor();
        services.AddSingleton<DeliveryTracking>();
        services.RemoveAll<IMessageStatuses>();
        services.AddSingleton<IMessageStatuses>(s => s.GetRequiredService<DeliveryTracking>());
        services.AddOptions<InviteOptions>()
            .BindConfiguration(MessagingOptions.SectionName)
            .Validate(o => o.InviteLifetime >= TimeSpan.FromMinutes(1) && o.InviteLifetime <= TimeSpan.FromDays(1),
                "Messaging:InviteLifetime must be between one minute and one day")
            .ValidateOnStart();
        services.AddOptions<ConversationMediaOptions>()
            .BindConfiguration(MessagingOptions.SectionName)
            .Validate(o => o.MaxMediaBytes is > 0 and <= 256L * 1024 * 1024, "Messaging:MaxMediaBytes must be between 1 byte and 256 MiB")
            .Validate(o => o.MaxMediaPerMessage is >= 0 and <= 20, "Messaging:MaxMediaPerMessage must be between 0 and 20")
            .Validate(o => o.MediaTimeout > TimeSpan.Zero, "Messaging:MediaTimeout must be positive")
            .Validate(o => o.AttachmentLinkLifetime >= TimeSpan.FromMinutes(1) && o.AttachmentLinkLifetime <= TimeSpan.FromDays(1),
                "Messaging:AttachmentLinkLifetime must be between one minute and one day")
            .ValidateOnStart();
        services.AddSingleton<ConversationMedia>();
        services.AddHostedService(s => s.GetRequiredService<ConversationMedia>());
        services.AddSingleton<ConversationAttachments>();
        services.AddOptions<AfterHoursOptions>()
            .BindConfiguration(AfterHoursOptions.SectionName)
            .Validate(o => ReplyFits(o.ReplyEs), $"Messaging:AfterHours:ReplyEs must be a text of 1 to {AfterHoursOptions.MaxReplyLength} characters")
            .Validate(o => ReplyFits(o.ReplyEn), $"Messaging:AfterHours:ReplyEn must be a text of 1 to {AfterHoursOptions.MaxReplyLength} characters")
            .ValidateOnStart();
        services.AddSingleton<AfterHoursReply>();
        services.AddOptions<TemplateOptions>().BindConfiguration(MessagingOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<TemplateOptions>, TemplateOptionsValidator>();
        services.AddSingleton<ConversationTemplates>();
        services.AddSingleton<InviteLinks>();
        services.AddSingleton<ConversationInvites>();
        services.RemoveAll<IInboundMessages>();
        services.AddSingleton<IInboundMessages, ConversationInbox>();
        return builder;
    }

    private static bool ReplyFits(string? reply) =>
        !string.IsNullOrWhiteSpace(reply) && reply.Length <= AfterHoursOptions.MaxReplyLength;

    /// <summary>
    /// Maps the agents' API of waiting conversations under <c>/api/conversations</c>, and the links
    /// Twilio fetches agents' attachments from (<c>/media/out/…</c>, anonymous: the link is the credential).
    /// </summary>
    internal static WebApplication MapConversations(this WebApplication app)
    {
        app.MapConversationEndpoints().MapAttachmentLinks();
        return app;
    }
}
