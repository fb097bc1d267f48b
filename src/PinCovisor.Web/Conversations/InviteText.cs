using System.Globalization;

namespace PinCovisor.Web.Conversations;

/// <summary>
/// The line that carries an escalation link, in Spanish for numbers of Spanish-speaking countries
/// and in English otherwise (<see cref="CustomerLanguage"/>, by the number alone: the link is the
/// agent's line, not the answer to one of the customer's messages).
/// </summary>
internal static class InviteText
{
    public static string For(string address, Uri link, TimeSpan lifetime)
    {
        ArgumentNullException.ThrowIfNull(link);
        var minutes = Math.Max(1, (int)Math.Round(lifetime.TotalMinutes)).ToString(CultureInfo.InvariantCulture);
        return CustomerLanguage.IsSpanishNumber(address)
            ? $"Abre este enlace para ver lo que te enseño (sirve una vez, durante {minutes} min): {link}"
            : $"Open this link to see what I share with you (it works once, for {minutes} min): {link}";
    }
}
