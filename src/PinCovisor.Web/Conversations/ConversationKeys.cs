using System.Security.Cryptography;
using System.Text;
using PinCovisor.Web.Redis;
using StackExchange.Redis;

namespace PinCovisor.Web.Conversations;

/// <summary>
/// The Redis keys of WhatsApp and SMS conversations. Keys outside the session name the customer's
/// address by its SHA-256 (hex), never the number itself; what belongs to one conversation lives in
/// its session's slot (<c>{session:…}</c>).
/// </summary>
internal static class ConversationKeys
{
    /// <summary>The open conversation of an address (string: session id, written with SET NX).</summary>
    public static RedisKey Open(string addressHash) => CovisorKeys.Global("conversation", addressHash);

    /// <summary>The agent who last served an address (string: username).</summary>
    public static RedisKey LastAgent(string addressHash) => CovisorKeys.Global("conversation-agent", addressHash);

    /// <summary>Conversations nobody is in charge of yet (sorted set of session ids scored by opening time, Unix ms).</summary>
    public static RedisKey Waiting => CovisorKeys.Global("conversations", "waiting");

    /// <summary>The conversation's customer (hash: channel, address protected, masked number, name).</summary>
    public static RedisKey Record(string sessionId) => CovisorKeys.SessionScoped(sessionId, "conversation");

    /// <summary>Agents' messages handed to Twilio (hash: event seq → 1), so a resent chat line is sent once.</summary>
    public static RedisKey Sent(string sessionId) => CovisorKeys.SessionScoped(sessionId, "sent");

    /// <summary>Customers' messages whose attachments were queued for fetching (hash: MessageSid → seq), so a retried webhook fetches nothing again.</summary>
    public static RedisKey MediaFetched(string sessionId) => CovisorKeys.SessionScoped(sessionId, "media-fetched");

    /// <summary>A link Twilio fetches an agent's attachment from (string: media id), named by the SHA-256 (hex) of its secret.</summary>
    public static RedisKey AttachmentLink(string sessionId, string secretHash) => CovisorKeys.SessionScoped(sessionId, "attachment-link:" + secretHash);

    /// <summary>The after-hours reply of one local day (string: the MessageSid it answered, written with SET NX).</summary>
    public static RedisKey AfterHours(string sessionId, DateOnly day) =>
        CovisorKeys.SessionScoped(sessionId, "after-hours:" + day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>Which agent's message a Twilio MessageSid is (string: <c>sessionId seq</c>), for its status callbacks.</summary>
    public static RedisKey MessageSid(string messageSid) => CovisorKeys.Global("message-sid", messageSid);

    /// <summary>Status callbacks that came before their MessageSid was recorded (hash: status → error code or empty).</summary>
    public static RedisKey EarlyStatuses(string messageSid) => CovisorKeys.Global("message-status", messageSid);

    /// <summary>How far each agent message got (hash: event seq → <c>rank:status</c>), so states only move forward.</summary>
    public static RedisKey Delivery(string sessionId) => CovisorKeys.SessionScoped(sessionId, "delivery");

    /// <summary>The key component naming an address: SHA-256 of <c>whatsapp:+…</c> or <c>+…</c>, lower-case hex.</summary>
    public static string Hash(string address) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(address)));
}
