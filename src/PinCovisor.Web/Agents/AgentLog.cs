namespace PinCovisor.Web.Agents;

/// <summary>Agent log events (2500-2599): usernames and CallSids, never a password, token, PIN or agent code.</summary>
internal static partial class AgentLog
{
    [LoggerMessage(2500, LogLevel.Information, "Agent {Username} created from configuration")]
    public static partial void Seeded(ILogger logger, string username);

    [LoggerMessage(2501, LogLevel.Information, "Agent {Username} updated from configuration")]
    public static partial void SeedUpdated(ILogger logger, string username);

    [LoggerMessage(2502, LogLevel.Debug, "Agent {Username} was created or edited by an admin; configuration left it as it is")]
    public static partial void SeedKeptAdminChanges(ILogger logger, string username);

    [LoggerMessage(2503, LogLevel.Warning, "The agent directory could not be read from Redis; keeping the agents it had")]
    public static partial void DirectoryRefreshFailed(ILogger logger, Exception exception);

    [LoggerMessage(2504, LogLevel.Information, "The agent directory is read from Redis again")]
    public static partial void DirectoryRecovered(ILogger logger);

    [LoggerMessage(2505, LogLevel.Information, "Agent {Username} logged in")]
    public static partial void LoggedIn(ILogger logger, string username);

    [LoggerMessage(2506, LogLevel.Information, "A login was refused")]
    public static partial void LoginRefused(ILogger logger);

    [LoggerMessage(2507, LogLevel.Warning, "{Throttle} throttled a client for {RetryAfterSeconds} s")]
    public static partial void Throttled(ILogger logger, string throttle, long retryAfterSeconds);

    [LoggerMessage(2508, LogLevel.Information, "Agent {Username} logged out")]
    public static partial void LoggedOut(ILogger logger, string username);

    [LoggerMessage(2509, LogLevel.Information, "Admin {Admin} created agent {Username}")]
    public static partial void Created(ILogger logger, string admin, string username);

    [LoggerMessage(2510, LogLevel.Information, "Admin {Admin} set agent {Username} disabled={Disabled}")]
    public static partial void DisabledChanged(ILogger logger, string admin, string username, bool disabled);

    [LoggerMessage(2511, LogLevel.Information, "Agent {Username} claimed call {CallSid} by its PIN")]
    public static partial void Claimed(ILogger logger, string username, string callSid);

    [LoggerMessage(2512, LogLevel.Information, "Agent {Username} tried to claim a call with a PIN that matches none")]
    public static partial void ClaimMissed(ILogger logger, string username);

    [LoggerMessage(2513, LogLevel.Information, "Admin {Admin} {Change} canned reply {Shortcut}")]
    public static partial void CannedReplyChanged(ILogger logger, string admin, string change, string shortcut);

    [LoggerMessage(2514, LogLevel.Information, "A login for a username failed from many addresses waits {DelayMs} ms before its check")]
    public static partial void SlowedDown(ILogger logger, long delayMs);

    [LoggerMessage(2515, LogLevel.Information, "Admin {Admin} changed the agent code of {Username}; it has one now: {HasCode}")]
    public static partial void CodeChanged(ILogger logger, string admin, string username, bool hasCode);

    [LoggerMessage(2516, LogLevel.Information, "Agent {Username} gave call {CallSid} a new PIN")]
    public static partial void NewPinIssued(ILogger logger, string username, string callSid);
}
