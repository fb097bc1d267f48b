namespace PinCovisor.Web.Csat;

/// <summary>The one-question satisfaction survey at the end of a session (section <c>Csat</c>).</summary>
public sealed class CsatOptions
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "Csat";

    /// <summary>The longest a WhatsApp/SMS text of this section may be (one SMS segment set of Twilio's 1,600 characters).</summary>
    public const int MaxTextLength = 1600;

    /// <summary>When false, nobody is asked and <c>POST /api/csat</c> takes no answer.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How long after the session's end an answer is taken.</summary>
    public TimeSpan ResponseWindow { get; set; } = TimeSpan.FromHours(24);

    /// <summary>The longest comment, in characters.</summary>
    public int MaxComment { get; set; } = 500;

    /// <summary>How long an answer (and the day totals it counts in) is kept.</summary>
    public TimeSpan KeepFor { get; set; } = TimeSpan.FromDays(400);

    /// <summary>The question sent by WhatsApp/SMS when a conversation closes, in Spanish.</summary>
    public string QuestionEs { get; set; } =
        "¿Cómo le atendimos? Responda con un número del 1 al 5 (5 = muy bien); puede añadir un comentario después del número.";

    /// <summary>The question in English.</summary>
    public string QuestionEn { get; set; } =
        "How did we do? Reply with a number from 1 to 5 (5 = very well); you may add a comment after the number.";

    /// <summary>The thank-you for an answer by WhatsApp/SMS, in Spanish.</summary>
    public string ThanksEs { get; set; } = "¡Gracias por su respuesta!";

    /// <summary>The thank-you in English.</summary>
    public string ThanksEn { get; set; } = "Thank you for your answer!";
}
