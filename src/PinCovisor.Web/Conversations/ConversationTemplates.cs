using System.Text.Json;
using Microsoft.Extensions.Options;
using PhoneBridge.Messaging;
using PhoneBridge.Twilio.Messaging;
using PinCovisor.Web.Hub;
using PinCovisor.Web.Orders;
using PinCovisor.Web.Sessions;

namespace PinCovisor.Web.Conversations;

/// <summary>
/// Approved WhatsApp templates (<c>Messaging:Templates</c>): the agent in charge sends one, inside or
/// outside the 24-hour window. The log gets the agent's <c>chat.message</c> with the rendered preview
/// and the template's name; Twilio gets the <c>ContentSid</c> and the variables as <c>ContentVariables</c>.
/// </summary>
internal sealed class ConversationTemplates(
    ConversationStore store,
    SessionEvents events,
    ConversationOutbox outbox,
    OrderNumbers orders,
    IOptions<TemplateOptions> options,
    ILogger<ConversationTemplates> logger)
{
    /// <summary>Longest value of one variable (WhatsApp's own limit on a whole template is 1,024 characters).</summary>
    public const int MaxVariableLength = 200;

    /// <summary>The templates agents may pick, by name.</summary>
    public IEnumerable<TemplateView> List() =>
        options.Value.Templates.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => new TemplateView(
            t.Key, t.Value.ContentSid!, [.. t.Value.Variables], t.Value.Preview, t.Value.Language));

    /// <summary>Sends <paramref name="name"/> with <paramref name="values"/>; returns the chat line's seq (the first one for a resent <paramref name="messageId"/>).</summary>
    public async Task<long> SendAsync(
        CovisorSession session, EventAuthor agent, string messageId, string? name, IReadOnlyList<string>? values, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(agent);
        if (!ConversationOutbox.IsConversation(session)
            || (await store.GetCustomerAsync(session.Id, cancellationToken).ConfigureAwait(false))?.Channel != MessageChannel.WhatsApp)
        {
            throw HubErrors.Invalid("Templates are for WhatsApp conversations; write the message instead.");
        }

        if (name is null || !options.Value.Templates.TryGetValue(name, out var template))
        {
            throw HubErrors.Invalid("There is no such template; pick one of the shop's templates.");
        }

        var variables = Variables(template, values);
        var text = template.Render(variables);
        var appended = await events.PublishAsync(session.Id, EventKinds.ChatMessage, agent,
            orders.Mark(new ChatMessage(messageId, text, Template: new ChatTemplate(name, template.ContentSid!))),
            messageId: agent.Id + ":" + messageId, cancellationToken: cancellationToken).ConfigureAwait(false);
        var contentVariables = JsonSerializer.Serialize(
            variables.Select((value, i) => (Key: (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), value))
                .ToDictionary(v => v.Key, v => v.value));
        await outbox.DeliverAsync(session, appended.Seq, agent.Id!, (to, sender) => new OutboundMessage(to.Address, sender)
        {
            ContentSid = template.ContentSid,
            ContentVariables = contentVariables,
        }, cancellationToken).ConfigureAwait(false);
        ConversationLog.TemplateSent(logger, session.Id, agent.Id!, name, appended.Seq);
        return appended.Seq;
    }

    private static string[] Variables(MessageTemplate template, IReadOnlyList<string>? values)
    {
        var count = template.Variables.Count;
        if ((values?.Count ?? 0) != count)
        {
            throw HubErrors.Invalid($"This template takes {count} variable(s): {string.Join(", ", template.Variables)}.");
        }

        return [.. values!.Select((value, i) =>
        {
            var cleaned = PlainText.Clean(value);
            if (cleaned is null || cleaned.Contains('\n', StringComparison.Ordinal) || cleaned.Contains('\t', StringComparison.Ordinal))
            {
                throw HubErrors.Invalid($"Fill in {template.Variables[i]} with one line of text.");
            }

            return PlainText.Length(cleaned) <= MaxVariableLength
                ? cleaned
                : throw HubErrors.Invalid($"{template.Variables[i]} is at most {MaxVariableLength} characters.");
        })];
    }
}

/// <summary>A template as <c>GET /api/conversations/templates</c> lists it.</summary>
/// <param name="Name">What <c>SendTemplate</c> takes.</param>
/// <param name="ContentSid">Twilio's Content SID.</param>
/// <param name="Variables">What each variable means, in order (<c>{{1}}</c> first).</param>
/// <param name="Preview">The text with <c>{{1}}</c>… placeholders.</param>
/// <param name="Language">The template's language, when configured.</param>
internal sealed record TemplateView(string Name, string ContentSid, IReadOnlyList<string> Variables, string Preview, string? Language);
