using System.Text.Json.Serialization;
using PhoneBridge.Calls;
using PinCovisor.Web.Catalog;

namespace PinCovisor.Web.Hub;

/// <summary>A chat line. <paramref name="Text"/> is plain text: clients render it as text, never as HTML.</summary>
/// <param name="MessageId">The sender's id for it; sending the same id twice appends it once.</param>
/// <param name="Text">Control characters removed, at most <c>Hub:MaxTextLength</c> characters.</param>
/// <param name="Channel">
/// <c>whatsapp</c> or <c>sms</c> for a message a customer sent on that channel (its id is then Twilio's
/// MessageSid); absent for chat typed in the console or the customer's page.
/// </param>
/// <param name="Media">
/// The attachments of a customer's message, each <c>pending</c> while the host fetches it from Twilio
/// (a <c>chat.media</c> event then says what became of them); absent when none.
/// </param>
/// <param name="Orders">The shop's order numbers in <paramref name="Text"/> (<c>Orders:NumberPattern</c>), found when it was appended; absent when none.</param>
/// <param name="Template">The approved template an agent's line was sent as (its text is the rendered preview); absent for free text.</param>
public sealed record ChatMessage(
    string MessageId,
    string Text,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Channel = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<ChatMedia>? Media = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<Orders.OrderMention>? Orders = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] ChatTemplate? Template = null);

/// <summary>The WhatsApp template an agent's chat line went out as.</summary>
/// <param name="Name">The template's name in <c>Messaging:Templates</c>.</param>
/// <param name="ContentSid">Twilio's Content SID (<c>HX…</c>).</param>
public sealed record ChatTemplate(string Name, string ContentSid);

/// <summary>An attachment of a customer's WhatsApp or SMS message.</summary>
/// <param name="State"><c>pending</c> (being fetched), <c>stored</c> (a media of the session) or <c>refused</c> (not kept).</param>
/// <param name="ContentType">
/// As Twilio announced it while pending or refused (empty when it did not); once stored, what the bytes
/// are: <c>image/jpeg</c> or <c>image/png</c> re-encoded, or <c>application/pdf</c>.
/// </param>
/// <param name="MediaId">The session's media id, once stored.</param>
/// <param name="Url">Where the session's members fetch it (<c>/api/sessions/{id}/media/{mediaId}</c>), once stored.</param>
/// <param name="Bytes">Its size as stored.</param>
/// <param name="Width">Pixels across, for an image.</param>
/// <param name="Height">Pixels down, for an image.</param>
/// <param name="Reason">
/// Why it was not kept: <c>type</c> (neither an image nor a PDF), <c>size</c> (over <c>Messaging:MaxMediaBytes</c>),
/// <c>count</c> (past <c>Messaging:MaxMediaPerMessage</c>), <c>unreadable</c> (an image that does not decode or has
/// too many pixels), <c>quota</c> (the session holds all the media it may), <c>fetch</c> (not fetched from Twilio).
/// </param>
public sealed record ChatMedia(
    string State,
    string ContentType,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? MediaId = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Url = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] long? Bytes = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? Width = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? Height = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Reason = null);

/// <summary>What became of the attachments of the customer's message <paramref name="MessageId"/>.</summary>
/// <param name="MessageId">The message's id (Twilio's MessageSid), as in its <c>chat.message</c>.</param>
/// <param name="Seq">The <c>seq</c> of that <c>chat.message</c>.</param>
/// <param name="Media">Every attachment, in the order of the message's <c>media</c>, each <c>stored</c> or <c>refused</c>.</param>
public sealed record ChatMediaUpdate(string MessageId, long Seq, IReadOnlyList<ChatMedia> Media);

/// <summary>How far an agent's message to a WhatsApp or SMS customer got, as Twilio's status callback said.</summary>
/// <param name="Seq">The agent's <c>chat.message</c>.</param>
/// <param name="MessageSid">Twilio's SID of the message it was sent as.</param>
/// <param name="Status"><c>queued</c>, <c>sending</c>, <c>sent</c>, <c>delivered</c>, <c>read</c>, <c>failed</c> or <c>undelivered</c> (also <c>accepted</c>, <c>scheduled</c>, <c>canceled</c>).</param>
/// <param name="ErrorCode">Twilio's error code, for a failed or undelivered message when Twilio gave one.</param>
/// <param name="Reason">What the error means for the agent (en, es), for failed or undelivered.</param>
public sealed record ChatDelivery(
    long Seq,
    string MessageSid,
    string Status,
    int? ErrorCode,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] Conversations.DeliveryReason? Reason);

/// <summary>The author has received or read every event of the session up to <paramref name="UpToSeq"/>.</summary>
/// <param name="UpToSeq">Cumulative: everything with a lower or equal sequence number.</param>
/// <param name="State"><c>delivered</c> or <c>read</c>.</param>
public sealed record ChatReceipt(long UpToSeq, string State);

/// <summary>The image everybody now looks at (and draws on).</summary>
/// <param name="Source"><c>media</c> (uploaded into the session) or <c>product</c> (a catalog product's picture).</param>
/// <param name="MediaId">The upload's id, for <c>media</c>.</param>
/// <param name="Url">Where to load it: the session's media URL, or the product's image URL.</param>
/// <param name="Product">The product, for <c>product</c>.</param>
public sealed record ImageShared(string Source, string? MediaId, string Url, Product? Product);

/// <summary>A product card (title, price, link) shown in the conversation.</summary>
public sealed record ProductCard(Product Product);

/// <summary>Zoom and pan of the shared image, mirrored on both sides.</summary>
/// <param name="Zoom">1 (whole image) to 20.</param>
/// <param name="CenterX">Centre of the view, 0 (left edge) to 1 (right edge) of the image.</param>
/// <param name="CenterY">Centre of the view, 0 (top) to 1 (bottom).</param>
public sealed record ViewState(double Zoom, double CenterX, double CenterY);

/// <summary>A batch of one annotation stroke's points; a long stroke arrives as several batches with one id.</summary>
/// <param name="StrokeId">The author's id for the stroke (undo names it).</param>
/// <param name="Points">x0, y0, x1, y1, … each 0 to 1 relative to the image.</param>
/// <param name="Color"><c>#rrggbb</c> or <c>#rrggbbaa</c>.</param>
/// <param name="Width">Line width relative to the image width × 1000 (0.5 to 64).</param>
public sealed record StrokeAdded(string StrokeId, IReadOnlyList<double> Points, string Color, double Width);

/// <summary>Removes every batch of one stroke.</summary>
public sealed record StrokeUndone(string StrokeId);

/// <summary>
/// The shared video's state after a command. A member computes where playback should be now as
/// <c>Position + (serverNow − ServerTime) × Rate</c> while <see cref="Playing"/>.
/// </summary>
/// <param name="Action"><c>load</c>, <c>play</c>, <c>pause</c>, <c>seek</c> or <c>rate</c>.</param>
/// <param name="VideoId">The shop video (see <c>GET /api/videos</c>).</param>
/// <param name="Position">Seconds into the video at <paramref name="ServerTime"/>.</param>
/// <param name="Rate">Playback rate (0.25 to 4).</param>
/// <param name="Playing">Whether it plays.</param>
/// <param name="ServerTime">The server's clock when the command was recorded.</param>
public sealed record VideoState(string Action, string VideoId, double Position, double Rate, bool Playing, DateTimeOffset ServerTime);

/// <summary>The session's phone call changed status.</summary>
/// <param name="Status">Twilio's spelling: <c>ringing</c>, <c>in-progress</c>, <c>completed</c>, <c>busy</c>…</param>
/// <param name="Over">True once the call has ended; the session closes after the grace period.</param>
/// <param name="EndedAt">When it ended, if it has.</param>
/// <param name="NoNewsSeconds">
/// Set only when the host ended the call itself (status <c>completed</c>) because the phone network
/// sent no news of it for <c>Calls:StaleAfter</c>: how many seconds it had been silent.
/// </param>
public sealed record CallStatusChanged(string Status, bool Over, DateTimeOffset? EndedAt, long? NoNewsSeconds = null)
{
    public static CallStatusChanged Of(CallRecord call)
    {
        ArgumentNullException.ThrowIfNull(call);
        return new(call.Status.ToTwilioString(), call.Status.IsOver(), call.EndedAt, (long?)call.EndedAfterSilence?.TotalSeconds);
    }
}

/// <summary>A device entered the session (or its waiting room).</summary>
/// <param name="ParticipantId">The device's participant id.</param>
/// <param name="Admission"><c>pending</c>, <c>admitted</c> or <c>rejected</c>.</param>
/// <param name="Device">What the browser says it is, shortened.</param>
/// <param name="JoinedAt">When the PIN (or device link) was entered.</param>
public sealed record ParticipantJoined(string ParticipantId, string Admission, string? Device, DateTimeOffset JoinedAt);

/// <summary>The agent let a waiting device in, or turned it away.</summary>
/// <param name="ParticipantId">The device's participant id.</param>
/// <param name="Admission"><c>admitted</c> or <c>rejected</c>.</param>
public sealed record AdmissionChanged(string ParticipantId, string Admission);

/// <summary>Another agent is in charge.</summary>
/// <param name="PreviousAgent">Username of the agent before, null when nobody was.</param>
/// <param name="Agent">Username of the agent now in charge.</param>
/// <param name="DisplayName">The name customers see.</param>
/// <remarks>Customers receive <see cref="CustomerAgentChanged"/> instead.</remarks>
public sealed record AgentChanged(string? PreviousAgent, string Agent, string DisplayName);

/// <summary><c>agent.changed</c> as customers receive it: names only, never a username.</summary>
/// <param name="DisplayName">The name of the agent now in charge.</param>
/// <param name="PreviousDisplayName">The name of the agent before, null when nobody was (the first agent answered).</param>
public sealed record CustomerAgentChanged(string DisplayName, string? PreviousDisplayName);

/// <summary>The session closed; nothing more will be accepted.</summary>
/// <param name="Reason"><c>ended-by-agent</c>, <c>call-ended</c>… as the closer said.</param>
public sealed record SessionEnded(string Reason);

/// <summary>The caller keyed an order number in the IVR (<c>Ivr:OrderLookup</c>), and the shop's order source was asked for it.</summary>
/// <param name="Number">The order number, as <c>Ivr:OrderLookup:NumberTemplate</c> made it; recorded as mentioned in the session.</param>
/// <param name="Outcome"><c>found</c>, <c>not-found</c> or <c>unavailable</c> (the source did not answer, or there is none).</param>
public sealed record OrderKeyed(string Number, string Outcome)
{
    /// <summary>The source has the order.</summary>
    public const string Found = "found";

    /// <summary>The source does not know the number.</summary>
    public const string NotFound = "not-found";

    /// <summary>The source did not answer usably, or there is none.</summary>
    public const string Unavailable = "unavailable";
}

/// <summary>The agent shared one of the shop's orders with the customer (hub <c>ShareOrder</c>).</summary>
/// <param name="Order">The order as the order source gave it when it was shared (docs/orders.md).</param>
public sealed record OrderCard(Orders.Order Order);
