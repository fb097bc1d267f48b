namespace PinCovisor.Web.Visitors;

/// <summary>Visitor events (2700–2719). Never a visitor key, never a token.</summary>
internal static partial class VisitorLog
{
    [LoggerMessage(2700, LogLevel.Debug, "New visitor {VisitorId}")]
    public static partial void NewVisitor(this ILogger logger, string visitorId);

    [LoggerMessage(2701, LogLevel.Information, "Throttled page views of visitor {VisitorId}")]
    public static partial void Throttled(this ILogger logger, string visitorId);

    [LoggerMessage(2705, LogLevel.Information, "Throttled new visitors from client {ClientBucket}")]
    public static partial void ThrottledNew(this ILogger logger, string clientBucket);

    [LoggerMessage(2702, LogLevel.Information, "Agent {Agent} invited visitor {VisitorId} into session {SessionId}")]
    public static partial void Invited(this ILogger logger, string agent, string visitorId, string sessionId);

    [LoggerMessage(2703, LogLevel.Information, "Delivered the invitation to session {SessionId} to visitor {VisitorId}, who joined {Admission}")]
    public static partial void Delivered(this ILogger logger, string visitorId, string sessionId, PinCovisor.Web.Sessions.AdmissionState admission);

    [LoggerMessage(2704, LogLevel.Information, "Agent {Agent} could not invite visitor {VisitorId}: {Reason}")]
    public static partial void InviteRefused(this ILogger logger, string agent, string visitorId, string reason);

    [LoggerMessage(2706, LogLevel.Information, "Throttled page views naming visitors from client {ClientBucket}")]
    public static partial void ThrottledTries(this ILogger logger, string clientBucket);

    [LoggerMessage(2707, LogLevel.Debug, "Refused a page view from origin {Origin}: not a shop origin")]
    public static partial void ForeignOrigin(this ILogger logger, string origin);

    [LoggerMessage(2708, LogLevel.Information, "The invitation of visitor {VisitorId} to session {SessionId} lapsed: the session has closed")]
    public static partial void InvitationLapsed(this ILogger logger, string visitorId, string sessionId);
}
