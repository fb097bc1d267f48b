using System.Threading.Channels;
using Microsoft.Extensions.Options;
using PhoneBridge.Messaging;
using PhoneBridge.Twilio.Rest;
using PinCovisor.Web.Hub;
using PinCovisor.Web.Media;
using PinCovisor.Web.Sessions;
using StackExchange.Redis;

namespace PinCovisor.Web.Conversations;

/// <summary>
/// Fetches the attachments of customers' messages from Twilio after the message is in the log (Twilio
/// waits for the webhook's answer 15 s at most), keeps images through <see cref="ImageSanitizer"/> and
/// PDFs as they are in the session's media, and publishes <c>chat.media</c> with what became of each.
/// A message's attachments are fetched once per MessageSid, whichever host Twilio's retry reaches.
/// </summary>
internal sealed class ConversationMedia(
    IConnectionMultiplexer redis,
    ITwilioMedia twilio,
    ImageSanitizer sanitizer,
    RedisMediaStore store,
    RedisSessionStore sessions,
    SessionEvents events,
    IOptions<ConversationMediaOptions> options,
    IOptions<SessionsOptions> sessionOptions,
    ILogger<ConversationMedia> logger) : BackgroundService
{
    /// <summary>The prefix of the <c>chat.media</c> events' message ids, so each message's outcome is appended once.</summary>
    public const string MessageIdPrefix = "twilio-media:";

    // Unbounded: a job is a message's few URLs, and a webhook must never wait for room in the queue.
    private readonly Channel<Job> _jobs = Channel.CreateUnbounded<Job>(new UnboundedChannelOptions { SingleReader = true });

    /// <summary>The attachments <paramref name="message"/> announced, marked pending, for the message's <c>chat.message</c>.</summary>
    public static IReadOnlyList<ChatMedia>? Pending(InboundMessage message) =>
        message.Media.Count == 0 ? null : [.. message.Media.Select(m => new ChatMedia("pending", ContentTypeLabel(m.ContentType)))];

    /// <summary>Queues the fetch of <paramref name="message"/>'s attachments, unless it was queued before (a retried webhook).</summary>
    public async Task EnqueueAsync(string sessionId, long seq, EventAuthor author, InboundMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message.Media.Count == 0)
        {
            return;
        }

        var key = ConversationKeys.MediaFetched(sessionId);
        var db = redis.GetDatabase();
        if (!await db.HashSetAsync(key, message.MessageSid, seq, When.NotExists).WaitAsync(cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        await db.KeyExpireAsync(key, sessionOptions.Value.Lifetime).WaitAsync(cancellationToken).ConfigureAwait(false);
        _jobs.Writer.TryWrite(new Job(sessionId, seq, author, message));
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var job in _jobs.Reader.ReadAllAsync(stoppingToken).ConfigureAwait(false))
        {
            try
            {
                await FetchAsync(job, stoppingToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                ConversationLog.MediaFailed(logger, e, job.SessionId, job.Message.MessageSid);
            }
        }
    }

    private async Task FetchAsync(Job job, CancellationToken cancellationToken)
    {
        var limits = options.Value;
        var message = job.Message;
        var uploader = "customer:" + ConversationChannels.Wire(message.Channel);
        var outcome = new List<ChatMedia>();
        for (var i = 0; i < message.Media.Count; i++)
        {
            var announced = message.Media[i];
            outcome.Add(i < limits.MaxMediaPerMessage
                ? await KeepAsync(job.SessionId, announced, uploader, cancellationToken).ConfigureAwait(false)
                : Refused(announced, "count"));
        }

        ConversationLog.MediaKept(logger, job.SessionId, message.MessageSid,
            outcome.Count(m => m.State == "stored"), outcome.Count(m => m.State == "refused"));
        var session = await sessions.GetAsync(job.SessionId, cancellationToken).ConfigureAwait(false);
        var agentGroup = session?.AgentUsername is { } agent ? new[] { HubGroups.Agent(agent) } : [];
        await events.PublishAsync(job.SessionId, EventKinds.ChatMedia, job.Author, new ChatMediaUpdate(message.MessageSid, job.Seq, outcome),
            toAgents: agentGroup, messageId: MessageIdPrefix + message.MessageSid, cancellationToken: cancellationToken).ConfigureAwait(false);

        if (limits.DeleteMediaAtTwilio)
        {
            for (var i = 0; i < outcome.Count; i++)
            {
                if (outcome[i].State == "stored"
                    && !await twilio.DeleteAsync(message.Media[i].Url, cancellationToken).ConfigureAwait(false))
                {
                    ConversationLog.MediaNotDeleted(logger, job.SessionId, message.MessageSid, i);
                }
            }
        }
    }

    private async Task<ChatMedia> KeepAsync(string sessionId, InboundMedia announced, string uploader, CancellationToken cancellationToken)
    {
        var limits = options.Value;
        TwilioMediaDownload download;
        using (var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            timeout.CancelAfter(limits.MediaTimeout);
            try
            {
                download = await twilio.DownloadAsync(announced.Url, limits.MaxMediaBytes, timeout.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                download = new TwilioMediaDownload(TwilioMediaOutcome.Failed, [], null);
            }
        }

        if (download.Outcome != TwilioMediaOutcome.Fetched)
        {
            return Refused(announced, download.Outcome == TwilioMediaOutcome.TooLarge ? "size" : "fetch");
        }

        CleanImage clean;
        if (ImageFormatSniffer.Detect(download.Data) != ImageFormat.Unknown)
        {
            var (image, _) = await sanitizer.CleanAsync(download.Data, cancellationToken).ConfigureAwait(false);
            if (image is null)
            {
                return Refused(announced, "unreadable");
            }

            clean = image;
        }
        else if (CleanImage.LooksLikePdf(download.Data))
        {
            clean = CleanImage.Pdf(download.Data);
        }
        else
        {
            return Refused(announced, "type");
        }

        var saved = await store.SaveAsync(sessionId, clean, uploader, cancellationToken).ConfigureAwait(false);
        if (saved.Media is not { } media)
        {
            return Refused(announced, "quota");
        }

        return new ChatMedia("stored", clean.ContentType, media.Id, $"/api/sessions/{sessionId}/media/{media.Id}", clean.Data.LongLength,
            clean.Width > 0 ? clean.Width : null, clean.Height > 0 ? clean.Height : null);
    }

    private static ChatMedia Refused(InboundMedia announced, string reason) =>
        new("refused", ContentTypeLabel(announced.ContentType), Reason: reason);

    // The sender chose this text: only a short type-shaped label of it reaches the console.
    private static string ContentTypeLabel(string contentType) =>
        contentType.Length is > 0 and <= 64 && contentType.All(c => char.IsAsciiLetterOrDigit(c) || c is '/' or '.' or '+' or '-')
            ? contentType.ToLowerInvariant()
            : string.Empty;

    private sealed record Job(string SessionId, long Seq, EventAuthor Author, InboundMessage Message);
}
