using Microsoft.Extensions.Options;
using PhoneBridge.Messaging;
using PhoneBridge.Twilio.Messaging;
using PinCovisor.Web.Conversations;
using PinCovisor.Web.Insight;
using PinCovisor.Web.Sessions;
using StackExchange.Redis;

namespace PinCovisor.Web.Csat;

/// <summary>
/// Asks the survey's question when a session closes: records whom it rates (the agent in charge)
/// for <c>Csat:ResponseWindow</c>, and for a WhatsApp or SMS conversation sends the question to the
/// customer, inside WhatsApp's 24-hour window only. Visual sessions' customers get their credential in
/// <c>session.ended</c> (<see cref="CsatTickets"/>). Nothing here stops a session from closing.
/// </summary>
internal sealed class CsatQuestions(
    CsatStore store,
    ConversationStore conversations,
    ITwilioMessages messages,
    IConnectionMultiplexer redis,
    IOptions<CsatOptions> options,
    IOptions<MessagingOptions> messaging,
    TimeProvider time,
    ILogger<CsatQuestions> logger)
{
    /// <summary>How answers of <paramref name="session"/> are labelled by channel.</summary>
    public static string Channel(CovisorSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        return InsightChannels.Of(session.Origin);
    }

    /// <summary>Whether a session closed for <paramref name="reason"/> is rated: not when its data is being removed.</summary>
    public static bool Asks(string? reason) => reason is not (Retention.CustomerEraser.ClosedReason or Retention.RetentionPurge.ClosedReason);

    /// <summary>
    /// Asks the question of the session that just closed. A session nobody was in charge of is not
    /// rated, nor one closed because its data is being removed (erasure, retention): nobody is asked
    /// about help whose record is going.
    /// </summary>
    public async Task AskAsync(CovisorSession session, string reason, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        if (!options.Value.Enabled || session.AgentUsername is not { } agent || !Asks(reason))
        {
            return;
        }

        try
        {
            await store.OfferAsync(new CsatOffer(session.Id, agent, Channel(session), session.ClosedAt ?? time.GetUtcNow()), cancellationToken)
                .ConfigureAwait(false);
            if (ConversationOutbox.IsConversation(session))
            {
                await SendAsync(session).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is RedisException or TimeoutException or HttpRequestException or System.Security.Cryptography.CryptographicException)
        {
            CsatLog.QuestionNotSent(logger, session.Id, e.GetType().Name + ": " + e.Message);
        }
    }

    // Not cancelled with the closer: a question cut off after it reached Twilio would be asked again.
    private async Task SendAsync(CovisorSession session)
    {
        var customer = await conversations.GetCustomerAsync(session.Id, CancellationToken.None).ConfigureAwait(false);
        if (customer is null)
        {
            CsatLog.QuestionNotSent(logger, session.Id, "the customer's address is no longer known");
            return;
        }

        if (ConversationWindow.ClosesAt(customer) is { } closesAt && closesAt <= time.GetUtcNow())
        {
            CsatLog.QuestionNotSent(logger, session.Id, "WhatsApp's 24-hour window is closed");
            return;
        }

        if (messaging.Value.SenderFor(customer.Channel) is not { } sender)
        {
            CsatLog.QuestionNotSent(logger, session.Id, "no sender is configured for " + Channel(session));
            return;
        }

        // The customer's answer may arrive before Twilio's reply: the pointer goes first.
        var pending = CsatKeys.Pending(ConversationKeys.Hash(customer.Address));
        var db = redis.GetDatabase();
        await db.StringSetAsync(pending, session.Id, options.Value.ResponseWindow).ConfigureAwait(false);
        var spanish = CustomerLanguage.IsSpanishNumber(customer.Address);
        var sent = await messages.SendAsync(new OutboundMessage(customer.Address, sender)
        {
            Body = spanish ? options.Value.QuestionEs : options.Value.QuestionEn,
        }, CancellationToken.None).ConfigureAwait(false);
        if (!sent.Succeeded)
        {
            await db.KeyDeleteAsync(pending).ConfigureAwait(false);
            CsatLog.QuestionNotSent(logger, session.Id, "Twilio refused it or was unreachable");
            return;
        }

        CsatLog.QuestionSent(logger, session.Id, Channel(session));
    }
}
