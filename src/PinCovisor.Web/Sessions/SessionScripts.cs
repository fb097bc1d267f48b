using PhoneBridge.Redis;
namespace PinCovisor.Web.Sessions;

/// <summary>
/// The Lua behind each multi-step change of a session. Every script touches only keys of one
/// session (one hash tag, so one Cluster slot), and none reads then writes from the client side.
/// </summary>
internal static class SessionScripts
{
    /// <summary>
    /// KEYS: session, participants, participant. ARGV: participant id, admission, device, joined ms.
    /// Adds the participant with the session's remaining lifetime; false when the session is gone or closed.
    /// </summary>
    public static readonly EmbeddedScript AddParticipant = EmbeddedScript.Load(typeof(SessionScripts), "add_participant");

    /// <summary>
    /// KEYS: participant. ARGV: admission. A rejection is final: the rejected device's token is
    /// revoked, so admitting it afterwards would let in nobody. Returns the participant's hash, or false.
    /// </summary>
    public static readonly EmbeddedScript SetAdmission = EmbeddedScript.Load(typeof(SessionScripts), "set_admission");

    /// <summary>KEYS: participant. ARGV: field, value. Sets a field only on an existing participant (keeps its TTL).</summary>
    public static readonly EmbeddedScript SetParticipantField = EmbeddedScript.Load(typeof(SessionScripts), "set_participant_field");

    /// <summary>KEYS: session. ARGV: agent. Returns {previous agent or '', session hash}, or false when gone or closed.</summary>
    public static readonly EmbeddedScript AssignAgent = EmbeddedScript.Load(typeof(SessionScripts), "assign_agent");

    /// <summary>
    /// KEYS: session. ARGV: now ms. Records the first end only; returns {1 if this call recorded it
    /// else 0, session hash}, or false.
    /// </summary>
    public static readonly EmbeddedScript MarkCallEnded = EmbeddedScript.Load(typeof(SessionScripts), "mark_call_ended");

    /// <summary>KEYS: session. ARGV: now ms. Returns {1 if this call closed it else 0, session hash}, or false.</summary>
    public static readonly EmbeddedScript Close = EmbeddedScript.Load(typeof(SessionScripts), "close");
}
