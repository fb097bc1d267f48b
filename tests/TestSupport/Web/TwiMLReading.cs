using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace PhoneBridge.Testing.Web;

/// <summary>Reads what a TwiML document makes Twilio say and do.</summary>
public static partial class TwiMLReading
{
    public static IEnumerable<XElement> Verbs(this XDocument twiml, string name) => twiml.Descendants(name);

    public static IReadOnlyList<string> Spoken(this XDocument twiml) =>
        twiml.Descendants("Say").Select(s => s.Value).ToList();

    /// <summary>Every PIN read aloud: a Say made only of digits separated by commas ("4, 8, 2.").</summary>
    public static IReadOnlyList<string> PinsRead(this XDocument twiml) =>
        twiml.Spoken().Select(text => SpelledDigits().Match(text))
            .Where(m => m.Success)
            .Select(m => m.Groups["digits"].Value.Replace(", ", "", StringComparison.Ordinal))
            .ToList();

    [GeneratedRegex(@"(?<digits>\d(?:, \d)+)\.$")]
    private static partial Regex SpelledDigits();
}
