using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using PhoneBridge.Twilio;
using PhoneBridge.Twilio.Messaging;
using PinCovisor.Web.Hub;
using PinCovisor.Web.Media;
using PinCovisor.Web.Sessions;
using StackExchange.Redis;

namespace PinCovisor.Web.Conversations;

/// <summary>
/// One attachment from the agent: a photo or PDF of the session's media sent to a WhatsApp or SMS
/// conversation's customer, within WhatsApp's limits, as the agent's chat line (in the log first, then
/// through <see cref="ConversationOutbox"/>). Twilio fetches it from a capability link,
/// <c>/media/out/{session id}.{secret}</c>, that serves it without credentials for
/// <see cref="ConversationMediaOptions.AttachmentLinkLifetime"/>.
/// </summary>
internal sealed class ConversationAttachments(
    IConnectionMultiplexer redis,
    ConversationStore store,
    RedisMediaStore media,
    SessionEvents events,
    ConversationOutbox outbox,
    IOptions<TwilioOptions> twilio,
    IOptions<ConversationMediaOptions> options,
    ILogger<ConversationAttachments> logger)
{
    /// <summary>The largest image WhatsApp takes (JPEG or PNG).</summary>
    public const long MaxImageBytes = 5 * 1024 * 1024;

    /// <summary>The largest document WhatsApp takes through Twilio.</summary>
    public const long MaxPdfBytes = 16 * 1024 * 1024;

    /// <summary>Why WhatsApp would not take this file, as a sentence for the agent; null when it would.</summary>
    public static string? Refusal(string contentType, long bytes) => contentType switch
    {
        "image/jpeg" or "image/png" => bytes > MaxImageBytes ? "Photos sent on WhatsApp may be at most 5 MB; this one is larger." : null,
        CleanImage.PdfType => bytes > MaxPdfBytes ? "PDFs sent on WhatsApp may be at most 16 MB; this one is larger." : null,
        _ => "Only JPEG or PNG photos and PDF files can be sent on WhatsApp.",
    };

    /// <summary>Sends <paramref name="mediaId"/> with <paramref name="caption"/>; returns the chat line's seq.</summary>
    public async Task<long> SendAsync(
        HttpRequest request, CovisorSession session, EventAuthor agent, string agentUsername, string messageId, string mediaId, string caption,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(session);
        if (!ConversationOutbox.IsConversation(session))
        {
            throw HubErrors.Invalid("Files are sent to WhatsApp or SMS conversations; in this session, share it on the covisor instead.");
        }

        var stored = await media.GetAsync(session.Id, mediaId, cancellationToken).ConfigureAwait(false)
            ?? throw HubErrors.Invalid("That file is not in this session (it may have expired); upload it again.");
        var file = stored.Image;
        if (Refusal(file.ContentType, file.Data.LongLength) is { } refusal)
        {
            throw HubErrors.Invalid(refusal);
        }

        // A photo with its caption is free-form: after WhatsApp's window only a template goes out.
        await outbox.RequireFreeTextAllowedAsync(session, cancellationToken).ConfigureAwait(false);
        var attachment = new ChatMedia("stored", file.ContentType, stored.Id, $"/api/sessions/{session.Id}/media/{stored.Id}", file.Data.LongLength,
            file.IsImage ? file.Width : null, file.IsImage ? file.Height : null);
        var appended = await events.PublishAsync(session.Id, EventKinds.ChatMessage, agent, new ChatMessage(messageId, caption, null, [attachment]),
            messageId: agentUsername + ":" + messageId, cancellationToken: cancellationToken).ConfigureAwait(false);
        // A line resent after it went out needs no link: nothing will be sent again.
        if (await store.IsSentAsync(session.Id, appended.Seq, cancellationToken).ConfigureAwait(false))
        {
            return appended.Seq;
        }

        var link = await IssueLinkAsync(request, session.Id, stored.Id, cancellationToken).ConfigureAwait(false);
        await outbox.DeliverAsync(session, appended.Seq, agentUsername, (customer, sender) => new OutboundMessage(customer.Address, sender)
        {
            Body = caption.Length == 0 ? null : caption,
            MediaUrl = link,
        }, cancellationToken).ConfigureAwait(false);
        ConversationLog.AttachmentSent(logger, session.Id, agentUsername, appended.Seq, file.ContentType, file.Data.LongLength);
        return appended.Seq;
    }

    /// <summary>The file a link names while it lives, or null (unknown, expired, made up).</summary>
    public async Task<StoredMedia?> OpenAsync(string token, CancellationToken cancellationToken = default)
    {
        var dot = token?.LastIndexOf('.') ?? -1;
        if (dot <= 0 || token!.Length - dot - 1 != 22 || !SessionIds.IsWellFormed(token[..dot], SessionIds.SessionPrefix))
        {
            return null;
        }

        var sessionId = token[..dot];
        var mediaId = await redis.GetDatabase().StringGetAsync(ConversationKeys.AttachmentLink(sessionId, Hash(token[(dot + 1)..])))
            .WaitAsync(cancellationToken).ConfigureAwait(false);
        return mediaId.IsNull ? null : await media.GetAsync(sessionId, mediaId.ToString(), cancellationToken).ConfigureAwait(false);
    }

    private async Task<Uri> IssueLinkAsync(HttpRequest request, string sessionId, string mediaId, CancellationToken cancellationToken)
    {
        var secret = SessionIds.RandomBase64Url(16);
        await redis.GetDatabase().StringSetAsync(ConversationKeys.AttachmentLink(sessionId, Hash(secret)), mediaId, options.Value.AttachmentLinkLifetime)
            .WaitAsync(cancellationToken).ConfigureAwait(false);
        return new Uri($"{InviteLinks.PublicBase(request, twilio.Value)}{AttachmentLinkEndpoint.Path}/{sessionId}.{secret}", UriKind.Absolute);
    }

    private static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
}
