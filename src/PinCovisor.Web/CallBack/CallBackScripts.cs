using PhoneBridge.Redis;
namespace PinCovisor.Web.CallBack;

/// <summary>
/// The Lua behind a call back. Each touches the keys of one session only (one hash tag, one Cluster
/// slot): the session's record, its call-back request and its request pause.
/// </summary>
internal static class CallBackScripts
{
    /// <summary>
    /// KEYS: session, request, pause. ARGV: protected number, masked number, requested ms, pause ms.
    /// Stores the request for the session's remaining lifetime and starts the pause. Returns 0 when
    /// stored, -1 for an unknown or closed session, -2 when the session has a call (or one is being
    /// placed), or the milliseconds left of the pause.
    /// </summary>
    public static readonly EmbeddedScript Request = EmbeddedScript.Load(typeof(CallBackScripts), "request");

    /// <summary>
    /// KEYS: session, request. ARGV: now ms, ms after which a placing is taken as abandoned (its
    /// host died mid-way). Marks the request as being placed, once. Returns {1, protected number,
    /// masked number}; {-1} for an unknown or closed session, {-2} when it has a call, {-3} when no
    /// request waits, {-4} when it is already being placed.
    /// </summary>
    public static readonly EmbeddedScript StartPlacing = EmbeddedScript.Load(typeof(CallBackScripts), "start_placing");

    /// <summary>
    /// KEYS: session, request. ARGV: call SID. Binds the session to its call unless it is closed or has
    /// one, and drops the request (the number is not kept once dialled). Returns the session's
    /// remaining lifetime in ms, or 0 when nothing was bound.
    /// </summary>
    public static readonly EmbeddedScript Bind = EmbeddedScript.Load(typeof(CallBackScripts), "bind");
}
