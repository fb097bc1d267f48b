using Microsoft.Extensions.Options;
using PhoneBridge.Messaging;
using PinCovisor.Web.Conversations;
using PinCovisor.Web.Sessions;
using StackExchange.Redis;

namespace PinCovisor.Web.Csat;

/// <summary>
/// Takes a WhatsApp or SMS customer's answer to the question <see cref="CsatQuestions"/> sent: while
/// the address has no open conversation and its closed one awaits an answer, a message that starts
/// with a digit 1–5 is the score (the rest of the text the comment) and earns the thank-you instead of
/// opening a conversation. Anything else goes on to the inbox as before.
/// </summary>
internal sealed class CsatReplies(
    CsatStore store,
    ConversationStore conversations,
    RedisSessionStore sessions,
    IConnectionMultiplexer redis,
    IOptions<CsatOptions> options)
{
    private static readonly char[] Separators = [' ', '\t', '\r', '\n', '.', ',', ';', ':', '-', '/', ')'];

    /// <summary>The thank-you when <paramref name="message"/> answered the survey; null when it is a message for the inbox.</summary>
    public async Task<string?> TryAnswerAsync(InboundMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (!options.Value.Enabled || Parse(message.Body) is not var (score, comment))
        {
            return null;
        }

        var pending = await redis.GetDatabase().StringGetAsync(CsatKeys.Pending(ConversationKeys.Hash(message.Address)))
            .WaitAsync(cancellationToken).ConfigureAwait(false);
        if (pending.IsNullOrEmpty || await HasOpenConversationAsync(message.Address, cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        var max = options.Value.MaxComment;
        var recorded = await store.RecordAsync(pending.ToString(), score, comment?.Length > max ? comment[..max] : comment,
            message.MessageSid, cancellationToken).ConfigureAwait(false);
        if (recorded.Outcome is not (CsatOutcome.Recorded or CsatOutcome.Repeated))
        {
            return null;
        }

        return CustomerLanguage.IsSpanish(message.Body, message.Address) ? options.Value.ThanksEs : options.Value.ThanksEn;
    }

    /// <summary>The score and comment of a text that starts with one digit 1–5 ("5 muy amable", "4."); null for any other text.</summary>
    public static (int Score, string? Comment)? Parse(string? body)
    {
        var text = body?.Trim();
        if (string.IsNullOrEmpty(text) || text[0] is < '1' or > '5' || (text.Length > 1 && !Separators.Contains(text[1])))
        {
            return null;
        }

        var comment = text[1..].TrimStart(Separators).Trim();
        return (text[0] - '0', comment.Length == 0 ? null : comment);
    }

    private async Task<bool> HasOpenConversationAsync(string address, CancellationToken cancellationToken) =>
        await conversations.FindOpenAsync(address, cancellationToken).ConfigureAwait(false) is { } id
            && await sessions.GetAsync(id, cancellationToken).ConfigureAwait(false) is { IsClosed: false };
}
