using System.Text.Json.Serialization;

namespace PinCovisor.Web.Hub;

/// <summary>What <c>ShareImage</c> takes: exactly one of an uploaded image or a catalog product.</summary>
/// <param name="MediaId">An image uploaded into this session (<c>POST /api/sessions/{id}/media</c>).</param>
/// <param name="ProductId">A product of the shop's catalog that has a picture.</param>
public sealed record ImageShareInput(string? MediaId, string? ProductId);

/// <summary>What <c>AddStroke</c> takes; the event repeats it (see <see cref="StrokeAdded"/>).</summary>
public sealed record StrokeInput(string StrokeId, IReadOnlyList<double> Points, string Color, double Width);

/// <summary>What <c>ControlVideo</c> takes. The server stamps it with its own time.</summary>
/// <param name="Action"><c>load</c>, <c>play</c>, <c>pause</c>, <c>seek</c> or <c>rate</c>.</param>
/// <param name="VideoId">The shop video.</param>
/// <param name="Position">Seconds into the video where the sender is.</param>
/// <param name="Rate">Playback rate (0.25 to 4).</param>
/// <param name="Playing">For <c>seek</c>, <c>rate</c> and <c>load</c>: whether it plays; <c>play</c> and <c>pause</c> imply it.</param>
public sealed record VideoCommand(string Action, string VideoId, double Position, double Rate, bool Playing);

/// <summary>An agent: the one in charge (<c>JoinResult.agent</c>), or the one a session was handed to.</summary>
/// <param name="Username">The agent's username; agents only (absent for customers, who see names alone).</param>
/// <param name="DisplayName">The name people see.</param>
public sealed record AgentInfo(
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Username,
    string DisplayName);

/// <summary>What <c>JoinSession</c> answers.</summary>
/// <param name="SessionId">The session.</param>
/// <param name="Admission"><c>admitted</c> for agents and admitted customers, <c>pending</c> in the waiting room.</param>
/// <param name="Agent">The agent in charge, null while nobody is.</param>
/// <param name="Events">Events after the sequence number the client sent, oldest first (empty while pending).</param>
/// <param name="LatestSeq">The log's newest sequence number when it was read.</param>
/// <param name="HasMore">True when <paramref name="Events"/> stopped short of <paramref name="LatestSeq"/>: call again with the last one.</param>
/// <param name="Reset">True when the client's sequence number was beyond the log (the log expired and restarted): drop local state; <paramref name="Events"/> starts at the beginning.</param>
/// <param name="Video">The latest video event, so a late joiner starts in sync without applying every one.</param>
/// <param name="ServerTime">The server's clock, for estimating the offset to the client's.</param>
/// <param name="Call">The call's status now (null for sessions without a call, or once its record expired), so a
/// client that joins after the answer shows it without waiting for the next change.</param>
public sealed record JoinResult(
    string SessionId,
    string Admission,
    AgentInfo? Agent,
    IReadOnlyList<CovisorEvent> Events,
    long LatestSeq,
    bool HasMore,
    bool Reset,
    CovisorEvent? Video,
    DateTimeOffset ServerTime,
    CallStatusChanged? Call);
