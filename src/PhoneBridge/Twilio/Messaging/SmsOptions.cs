namespace PhoneBridge.Twilio.Messaging;

/// <summary>Sending the PIN by text message (section <c>Sms</c>).</summary>
public sealed class SmsOptions
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "Sms";

    /// <summary>When false, the menu does not offer the text message.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Sender number or alphanumeric id; empty sends from the number the caller dialled.</summary>
    public string? From { get; set; }

    /// <summary>The shop's join page; the text links to it with <c>?pin=</c>. Empty uses this host's <c>/join</c>.</summary>
    public string? JoinUrl { get; set; }

    /// <summary>Most texts one call may trigger (a caller pressing 2 in a loop costs the shop money).</summary>
    public int MaxPerCall { get; set; } = 2;

    /// <summary>Longest one send may take, retries included, before the caller hears it failed.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(5);
}
