namespace PinCovisor.Web.Sessions;

/// <summary>
/// Shortens a User-Agent to what an agent can read at a glance ("Chrome on Android"). It is what
/// the browser claims, shown to help the agent recognise the caller, never trusted for anything.
/// </summary>
internal static class DeviceLabel
{
    public const int MaxLength = 100;

    // Order matters: Edge and Opera also say Chrome, Chrome also says Safari.
    private static readonly (string Token, string Name)[] Browsers =
    [
        ("Edg/", "Edge"), ("EdgA/", "Edge"), ("EdgiOS/", "Edge"), ("OPR/", "Opera"), ("SamsungBrowser/", "Samsung Internet"),
        ("Firefox/", "Firefox"), ("FxiOS/", "Firefox"), ("CriOS/", "Chrome"), ("Chrome/", "Chrome"), ("Safari/", "Safari"),
    ];

    private static readonly (string Token, string Name)[] Systems =
    [
        ("Android", "Android"), ("iPhone", "iPhone"), ("iPad", "iPad"), ("CrOS", "ChromeOS"), ("Windows", "Windows"),
        ("Macintosh", "macOS"), ("Mac OS X", "macOS"), ("Linux", "Linux"),
    ];

    /// <summary>"Browser on System" when recognised, else the raw agent (printable ASCII only) cut to 100 characters; null when empty.</summary>
    public static string? From(string? userAgent)
    {
        if (string.IsNullOrWhiteSpace(userAgent))
        {
            return null;
        }

        var browser = Find(Browsers, userAgent);
        var system = Find(Systems, userAgent);
        var label = (browser, system) switch
        {
            (not null, not null) => $"{browser} on {system}",
            (not null, null) => browser,
            (null, not null) => $"Browser on {system}",
            _ => new string([.. userAgent.Where(c => c is >= ' ' and <= '~')]).Trim(),
        };
        return label.Length == 0 ? null : label[..Math.Min(label.Length, MaxLength)];
    }

    private static string? Find((string Token, string Name)[] table, string userAgent) =>
        table.FirstOrDefault(entry => userAgent.Contains(entry.Token, StringComparison.Ordinal)).Name;
}
