using PhoneBridge.Calls;
using PinCovisor.Web.Conversations;
using PinCovisor.Web.Hub;
using PinCovisor.Web.Media;
using PinCovisor.Web.Redis;
using PinCovisor.Web.Sessions;
using StackExchange.Redis;

namespace PinCovisor.Web.Retention;

/// <summary>Reads what <see cref="CustomerEraser"/> would erase, each piece through its own store.</summary>
internal sealed class CustomerExporter(
    IConnectionMultiplexer redis,
    CustomerEraser eraser,
    RedisCallStore calls,
    RedisSessionStore sessions,
    SessionEventLog log,
    RedisMediaStore media,
    ConversationStore conversations,
    TimeProvider time)
{
    private const int EventPage = 500;

    public async Task<CustomerExport> ExportAsync(string e164, CancellationToken cancellationToken = default)
    {
        var (callSids, sessionIds) = await eraser.FindAsync(e164, cancellationToken).ConfigureAwait(false);
        var callRecords = new List<CallExport>();
        foreach (var callSid in callSids)
        {
            if (await calls.GetAsync(callSid, cancellationToken).ConfigureAwait(false) is { } call)
            {
                callRecords.Add(CallExport.Of(call));
            }
        }

        var exported = new List<SessionExport>();
        foreach (var id in sessionIds)
        {
            if (await sessions.GetAsync(id, cancellationToken).ConfigureAwait(false) is { } session)
            {
                exported.Add(await ExportSessionAsync(session, cancellationToken).ConfigureAwait(false));
            }
        }

        return new CustomerExport(PhoneNumberMask.Mask(e164), time.GetUtcNow(), callRecords, [.. exported.OrderBy(s => s.CreatedAt)]);
    }

    private async Task<SessionExport> ExportSessionAsync(CovisorSession session, CancellationToken cancellationToken)
    {
        var participants = await sessions.ListParticipantsAsync(session.Id, cancellationToken).ConfigureAwait(false);
        var customer = await conversations.GetCustomerAsync(session.Id, cancellationToken).ConfigureAwait(false);
        var conversation = customer is null
            ? null
            : new ConversationExport(customer.Channel.ToString(), customer.MaskedNumber, customer.Name, customer.LastInboundAt);
        return SessionExport.Of(session, participants, conversation,
            await EventsAsync(session.Id, cancellationToken).ConfigureAwait(false),
            await MediaAsync(session.Id, cancellationToken).ConfigureAwait(false));
    }

    private async Task<List<CovisorEvent>> EventsAsync(string sessionId, CancellationToken cancellationToken)
    {
        var events = new List<CovisorEvent>();
        for (var after = 0L; ;)
        {
            var page = await log.ReadAsync(sessionId, after, EventPage, cancellationToken: cancellationToken).ConfigureAwait(false);
            if (page.Events.Count == 0)
            {
                return events;
            }

            events.AddRange(page.Events);
            after = page.Events[^1].Seq;
        }
    }

    private async Task<List<MediaExport>> MediaAsync(string sessionId, CancellationToken cancellationToken)
    {
        var prefix = CovisorKeys.SessionScoped(sessionId, "media:").ToString();
        var keys = await SlotKeys.ScanAsync(redis, CovisorKeys.SessionTag(sessionId), cancellationToken).ConfigureAwait(false);
        var found = new List<MediaExport>();
        foreach (var mediaId in keys.Select(k => k.ToString()).Where(k => k.StartsWith(prefix, StringComparison.Ordinal)).Select(k => k[prefix.Length..]).Order(StringComparer.Ordinal))
        {
            if (await media.GetAsync(sessionId, mediaId, cancellationToken).ConfigureAwait(false) is { } stored)
            {
                var image = stored.Image;
                found.Add(new MediaExport(stored.Id, image.ContentType, image.Width, image.Height, image.Data.LongLength, stored.Uploader,
                    stored.ExpiresAt, Convert.ToBase64String(image.Data)));
            }
        }

        return found;
    }
}
