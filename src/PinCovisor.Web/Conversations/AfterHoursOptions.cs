namespace PinCovisor.Web.Conversations;

/// <summary>
/// The automatic reply to customers who write while the shop is closed (section
/// <c>Messaging:AfterHours</c>); the hours are <c>BusinessHours</c>, the same as the phone line's.
/// </summary>
public sealed class AfterHoursOptions
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "Messaging:AfterHours";

    /// <summary>Twilio's limit for a message's body.</summary>
    public const int MaxReplyLength = 1600;

    /// <summary>Whether to reply at all; unset: on exactly when <c>BusinessHours</c> name opening hours or closed dates.</summary>
    public bool? Enabled { get; set; }

    /// <summary>The reply in Spanish; <c>{day}</c> and <c>{time}</c> become the next opening ("mañana", "09:00").</summary>
    public string ReplyEs { get; set; } =
        "¡Hola! Ahora estamos cerrados. Volvemos a abrir {day} a las {time} y te responderemos entonces.";

    /// <summary>The reply in English; <c>{day}</c> and <c>{time}</c> become the next opening ("tomorrow", "09:00").</summary>
    public string ReplyEn { get; set; } =
        "Hello! We are closed right now. We open again {day} at {time} and will answer you then.";

    /// <summary>The name the reply carries in the conversation's log (the console, transcripts); unset: none, shown as an automatic reply.</summary>
    public string? SenderName { get; set; }
}
