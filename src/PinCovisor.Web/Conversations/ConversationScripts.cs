using PhoneBridge.Redis;
namespace PinCovisor.Web.Conversations;

/// <summary>The Lua of conversations; each script touches one key, or keys of one session.</summary>
internal static class ConversationScripts
{
    /// <summary>KEYS: an address's open-conversation index. ARGV: a session id. Deletes the index only if it still names that session.</summary>
    public static readonly EmbeddedScript ForgetIfSame = EmbeddedScript.Load(typeof(ConversationScripts), "forget_if_same");

    /// <summary>
    /// KEYS: session. ARGV: agent. Puts the agent in charge only while nobody is: -1 when the session
    /// is gone or closed, 0 when another agent has it, 1 when it is (now) the agent's.
    /// </summary>
    public static readonly EmbeddedScript Take = EmbeddedScript.Load(typeof(ConversationScripts), "take");

    /// <summary>
    /// KEYS: a conversation's record. ARGV: field, value. Sets the field only while the record lives,
    /// so a record that just expired is not brought back without its lifetime.
    /// </summary>
    public static readonly EmbeddedScript SetIfRecorded = EmbeddedScript.Load(typeof(ConversationScripts), "set_if_recorded");

    /// <summary>KEYS: a conversation's record. ARGV: field, increment. Adds to the field only when it exists; -1 otherwise.</summary>
    public static readonly EmbeddedScript AddIfPresent = EmbeddedScript.Load(typeof(ConversationScripts), "add_if_present");

    /// <summary>
    /// KEYS: a session's delivery hash. ARGV: seq, rank, status, lifetime (ms). Records the message's
    /// state only when it moves forward (a higher rank) and the one before is not final (rank 6:
    /// failed, undelivered, canceled); 1 when it moved, 0 otherwise.
    /// </summary>
    public static readonly EmbeddedScript AdvanceDelivery = EmbeddedScript.Load(typeof(ConversationScripts), "advance_delivery");

    /// <summary>KEYS: a hash. Returns its fields and values and deletes it, so only one caller gets them.</summary>
    public static readonly EmbeddedScript TakeAll = EmbeddedScript.Load(typeof(ConversationScripts), "take_all");
}
