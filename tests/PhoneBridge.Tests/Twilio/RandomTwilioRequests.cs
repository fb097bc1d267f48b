using System.Globalization;

namespace PhoneBridge.Tests.Twilio;

/// <summary>
/// Seeded generator of webhook requests as Twilio makes them: URLs a webhook can be configured
/// with (path and query of URL characters, <c>%XX</c> in upper case, apostrophes, '+', host in
/// any letter case, no port, the default port or :8080, sometimes userinfo), and awkward form
/// fields (accents, emoji, '&amp;', '=', '%', repeated names with duplicate values, empty values,
/// names differing only in case).
/// </summary>
public sealed class RandomTwilioRequests(int seed)
{
    private static readonly string[] ValuePieces =
        ["a", "Z", "0", "9", "'", "é", "ñ", "ü", "😀", "+", " ", "&", "=", "%", "%20", "?", "#", "/", "\"", "<", ">", "中", "ß", "-", "_", ".", "~", "*", "(", ")", "\n", ",", ";", ":"];

    private static readonly string[] Names =
        ["From", "from", "FROM", "To", "Digits", "digits", "CallSid", "Body", "Caller", "Ärger", "key with space", "a+b", "x=y", "k&v", "q'uote", "😀", "", "Z", "a", "10", "2"];

    private static readonly string[] Hosts =
        ["shop.example.com", "Shop.Example.COM", "127.0.0.1", "[::1]", "xn--bcher-kva.de", "localhost", "covisor-01.SHOP.example"];

    private static readonly string[] UserInfos = ["", "", "", "user:pass@", "twilio:s3cr'et@", "AC0123:Tok-en_9@"];

    // Characters a path segment may hold as they are, and escapes of ones it may not (never of a
    // letter, digit or "-._~": no client writes those escaped, and System.Uri would unescape them).
    private static readonly string[] PathPieces =
        ["voice", "Gather", "1", "'", "%20", "%27", "%C3%A9", "%2F", "%25", "%3F", "+", "(", ")", "!", "~", "*", "@", ":", ",", ";", "=", "$", "&", "-", "_", "."];

    private static readonly string[] QueryPieces =
        ["a", "B", "1", "'", "%27", "%20", "+", "%2B", "%26", "%3D", "%C3%A9", "%E9", "%F0%9F%98%80", "", "~", "*", "/", "?", ":", "@", "!", "$", "(", ")", ",", ";", "-", "_", "."];

    private readonly Random _random = new(seed);

    /// <summary>The seed, to print in failure messages so a failure can be replayed.</summary>
    public int Seed => seed;

    /// <summary>A seed from TWILIO_CROSSCHECK_SEED when set (to replay a failure), otherwise a fresh one.</summary>
    public static int NewSeed() =>
        int.TryParse(Environment.GetEnvironmentVariable("TWILIO_CROSSCHECK_SEED"), CultureInfo.InvariantCulture, out int seed) ? seed : Random.Shared.Next();

    public string Token() => Convert.ToHexStringLower(Bytes(16));

    public string Text(int maxPieces) => Concat(ValuePieces, maxPieces);

    public List<KeyValuePair<string, string>> Parameters()
    {
        List<KeyValuePair<string, string>> parameters = [];
        int count = _random.Next(0, 9);
        for (int i = 0; i < count; i++)
        {
            string name = Pick(Names);
            string value = _random.Next(10) == 0 ? string.Empty : Text(6);
            parameters.Add(new(name, value));
            if (_random.Next(4) == 0)
            {
                // The same name again, half the time with the very same value.
                parameters.Add(new(name, _random.Next(2) == 0 ? value : Text(4)));
            }
        }

        return parameters;
    }

    /// <summary>A URL under /twilio/hook/ (the test server answers any POST under /twilio/ it has no endpoint for).</summary>
    public RandomUrl Url()
    {
        string scheme = _random.Next(5) < 3 ? "https" : "http";
        string[] ports = ["", "", DefaultPort(scheme), ":8080"];
        string path = "/twilio/hook/" + string.Join('/', Enumerable.Range(0, _random.Next(1, 4)).Select(_ => Segment()));
        string query = _random.Next(2) == 0 ? string.Empty : "?" + string.Join('&',
            Enumerable.Range(0, _random.Next(1, 4)).Select(_ => Concat(QueryPieces, 3) + (_random.Next(4) == 0 ? string.Empty : "=" + Concat(QueryPieces, 4))));
        return new RandomUrl(scheme, Pick(UserInfos), Pick(Hosts), Pick(ports), path + query);
    }

    /// <summary>The URL with one letter or digit of its path or query changed (never one of a %XX escape, nor of "/twilio/").</summary>
    public RandomUrl AlterOneCharacter(RandomUrl url)
    {
        string target = url.PathAndQuery;
        List<int> positions = Enumerable.Range("/twilio/".Length, target.Length - "/twilio/".Length)
            .Where(i => char.IsAsciiLetterOrDigit(target[i]) && !(i >= 1 && target[i - 1] == '%') && !(i >= 2 && target[i - 2] == '%'))
            .ToList();
        int at = Pick(positions);
        char replacement = target[at] == 'q' ? 'w' : 'q';
        return url with { PathAndQuery = target[..at] + replacement + target[(at + 1)..] };
    }

    public int Next(int maxValue) => _random.Next(maxValue);

    public T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];

    public static string DefaultPort(string scheme) => scheme == "https" ? ":443" : ":80";

    // A segment made only of dots would be a "." or ".." segment, which no webhook URL has.
    private string Segment()
    {
        string segment = Concat(PathPieces, 3);
        return segment.Length > 0 && segment.All(c => c == '.') ? segment + "x" : segment;
    }

    private string Concat(string[] pieces, int maxPieces) =>
        string.Concat(Enumerable.Range(0, _random.Next(0, maxPieces + 1)).Select(_ => Pick(pieces)));

    private byte[] Bytes(int count)
    {
        byte[] bytes = new byte[count];
        _random.NextBytes(bytes);
        return bytes;
    }
}

/// <summary>A generated URL kept in parts so tests can render it with or without a port, or send it as Twilio would.</summary>
public sealed record RandomUrl(string Scheme, string UserInfo, string Host, string Port, string PathAndQuery)
{
    public string With(string port) => $"{Scheme}://{UserInfo}{Host}{port}{PathAndQuery}";

    public RandomUrl WithPort(string port) => this with { Port = port };

    public override string ToString() => With(Port);
}
