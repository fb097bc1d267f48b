using PhoneBridge.Redis;
namespace PinCovisor.Web.Hub;

/// <summary>The event log's Lua scripts; each touches one session's keys only (one Cluster slot).</summary>
internal static class EventLogScripts
{
    /// <summary>
    /// Appends one event. The sequence number is taken and the event stored in the same script, so
    /// the log has no holes and no two events share a number, whichever host appends (a Redis that
    /// lost its last writes leaves a hole rather than hand a number out twice, see ARGV[6]).
    /// KEYS: counter, events, video, message ids, bytes. ARGV: event JSON without "seq" (starting
    /// with '{'), lifetime in ms, most events kept (0 = all), '1' for a video event, message id or '',
    /// the highest number this host has handed out in the session (0 if none): a counter found below
    /// it came back from an older state (a Redis that lost its last writes), and numbering goes on
    /// above it rather than reusing numbers clients have already applied; and the most bytes kept.
    /// The bytes key counts what the log holds (events, message ids, the latest video event); past
    /// either cap the oldest events go, the message ids below the oldest kept event with them, and
    /// the newest event always stays. Sizes are string lengths in bytes, read as the events leave,
    /// so each event is measured twice in its life whatever the log's length.
    /// Returns {seq, 1} when appended, {seq of the earlier one, 0} for a message id still in the log.
    /// </summary>
    public static readonly EmbeddedScript Append = EmbeddedScript.Load(typeof(EventLogScripts), "append");

    /// <summary>
    /// Reads events after a sequence number together with the newest number, in one step.
    /// KEYS: counter, events. ARGV: after seq, most events to return, most bytes of events to return
    /// (the first event is returned whatever its size). Returns {latest seq, {json…}}.
    /// </summary>
    public static readonly EmbeddedScript Read = EmbeddedScript.Load(typeof(EventLogScripts), "read");
}
