using System.Globalization;
using Microsoft.Extensions.Options;
using PhoneBridge.Hours;
using PhoneBridge.Messaging;
using PinCovisor.Web.Hub;
using PinCovisor.Web.Sessions;
using StackExchange.Redis;

namespace PinCovisor.Web.Conversations;

/// <summary>
/// Tells a customer who writes while the shop is closed (<see cref="BusinessHours"/>) when it opens
/// again: once per conversation and local day, in Spanish or English (<see cref="CustomerLanguage"/>).
/// The reply goes back in the webhook's TwiML and into the conversation's log as a system
/// <c>chat.message</c>, so the agent sees what the customer was told.
/// </summary>
internal sealed class AfterHoursReply(
    BusinessHours hours,
    SessionEvents events,
    IConnectionMultiplexer redis,
    IOptions<AfterHoursOptions> options,
    ILogger<AfterHoursReply> logger)
{
    /// <summary>The prefix of the reply's message id in the event log, followed by the MessageSid it answers.</summary>
    public const string MessageIdPrefix = "after-hours:";

    // The marker only has to outlive its local day; two days cover any time zone.
    private static readonly TimeSpan MarkerLifetime = TimeSpan.FromDays(2);

    private static readonly string[] DaysEs = ["el domingo", "el lunes", "el martes", "el miércoles", "el jueves", "el viernes", "el sábado"];

    private static readonly string[] MonthsEs =
        ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"];

    private static readonly string[] MonthsEn =
        ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

    private bool Enabled => options.Value.Enabled ?? hours.IsConfigured;

    /// <summary>The reply <paramref name="message"/> earns in <paramref name="session"/>, or null for none.</summary>
    /// <remarks>
    /// The day's marker holds the MessageSid that earned the reply. Twilio sends a MessageSid again
    /// only when it did not take the first answer (a timeout, a 503), so that copy gets the same
    /// reply again, which reaches the customer once; any other message that day gets none.
    /// </remarks>
    public async Task<string?> ReplyAsync(CovisorSession session, InboundMessage message, IReadOnlyList<string> agentGroup,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(message);
        if (!Enabled || hours.IsOpen() || hours.NextOpening() is not { } opening)
        {
            return null;
        }

        var today = hours.Today();
        var marker = ConversationKeys.AfterHours(session.Id, today);
        var db = redis.GetDatabase();
        if (!await db.StringSetAsync(marker, message.MessageSid, MarkerLifetime, When.NotExists).WaitAsync(cancellationToken).ConfigureAwait(false)
            && await db.StringGetAsync(marker).WaitAsync(cancellationToken).ConfigureAwait(false) != message.MessageSid)
        {
            return null;
        }

        var spanish = CustomerLanguage.IsSpanish(message.Body, message.Address);
        var text = Compose(spanish ? options.Value.ReplyEs : options.Value.ReplyEn, opening, today, spanish);
        var author = new EventAuthor("system", null, string.IsNullOrWhiteSpace(options.Value.SenderName) ? null : options.Value.SenderName.Trim());
        await events.PublishAsync(session.Id, EventKinds.ChatMessage, author, new ChatMessage(MessageIdPrefix + message.MessageSid, text),
            toAgents: agentGroup, messageId: MessageIdPrefix + message.MessageSid, cancellationToken: cancellationToken).ConfigureAwait(false);
        ConversationLog.AfterHoursReplied(logger, session.Id, message.MessageSid, spanish ? "es" : "en");
        return text;
    }

    /// <summary><paramref name="template"/> with <c>{day}</c> ("today", "tomorrow", "on Monday", "on 7 January") and <c>{time}</c> ("09:00").</summary>
    public static string Compose(string template, DateTimeOffset opening, DateOnly today, bool spanish)
    {
        ArgumentNullException.ThrowIfNull(template);
        var date = DateOnly.FromDateTime(opening.DateTime);
        var ahead = date.DayNumber - today.DayNumber;
        var day = (ahead, spanish) switch
        {
            (0, true) => "hoy",
            (0, false) => "today",
            (1, true) => "mañana",
            (1, false) => "tomorrow",
            ( < 7, true) => DaysEs[(int)date.DayOfWeek],
            ( < 7, false) => "on " + date.DayOfWeek,
            (_, true) => string.Create(CultureInfo.InvariantCulture, $"el {date.Day} de {MonthsEs[date.Month - 1]}"),
            (_, false) => string.Create(CultureInfo.InvariantCulture, $"on {date.Day} {MonthsEn[date.Month - 1]}"),
        };
        return template
            .Replace("{day}", day, StringComparison.Ordinal)
            .Replace("{time}", opening.ToString("HH:mm", CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }
}
