using PhoneBridge.Twilio.Urls;

namespace PhoneBridge.Tests.Twilio;

/// <summary>
/// The helper's fallback URLs come from Node's <c>new URL()</c> and legacy <c>querystring</c>; our
/// reimplementations must give the same strings, or fail exactly where Node throws.
/// </summary>
public sealed class WhatwgUrlCrossCheckTests
{
    private static readonly string[] TrickyUrls =
    [
        "HTTPS://User:Pa ss@Ex%41mple.COM:443/a b/^`{}|\\x/./../y/%2e%2E/z?q=it's \"<>`{}^|#f \"<>`{}",
        "http:\\\\\\example.com\\a\\b", "http:example.com/a", "http://a@b@c:d@host/", "http://a:b@c:d@host/",
        "http://host:080/", "http://host:8080/", "http://host:0/", "http://host:65535/", "http://host:65536/",
        "http://host:/x", "http://host:8a/", "http://user@/x", "http://0x7f.1/", "http://0177.0.0.1/", "http://4294967295/",
        "http://4294967296/", "http://1.2.3/", "http://1.2.3.256/", "http://1.2.3.4./", "http://foo.09/", "http://foo.0x/",
        "http://[::FFFF:1.2.3.4]:80/", "http://[1:0:0:2:0:0:0:3]/", "http://[0:0:0:0:0:0:0:0]/", "http://[1::]/",
        "http://[::1.2.3]/", "http://[1:2:3:4:5:6:7:8:9]/", "http://[fe80::1%25eth0]/", "http://[::1/", "http://[::1]x/",
        "http://bücher.de/é?é#é", "http://ÉXAMPLE.com/", "  http://h/\tp\n?x\r  ", "http://h", "http://h?x", "http://h#x",
        "http://h/a/..", "http://h/a/.", "http://h/a/%2e%2e/b", "http://h/a/.%2E/b", "http://h/%zz", "http://h/%", "ftp://h:21/",
        "wss://h:443/", "ws://h:80/", "http://h/😀?😀#😀", "http://h/a?b#c#d?e", "http://user:@h/", "http://:pass@h/", "http://:@h/",
        "http://h/?", "http://h/#", "http://h%zz/", "http://a b/", "http://a%20b/", "http://Ex.com./", "http://h/\ud800",
        "http://h/a;b=c,d", "http://h/a'b?c'd#e'f", "http://h/?a=1&a=2&b", "mailto:someone@example.com", "file:///etc/passwd",
        "not a url", "", "https://", "https:///h/", "https://h:443?x", "http://u%3Ap@h/", "http://u:p%40q@h/", "http://h/\u0001\u007f",
    ];

    private static readonly string[] TrickyQueries =
    [
        "a=1&&=&b&=x&c=", "b=1&a=2&10=x&2=y&01=z&4294967295=q&4294967294=w", "a=%E9+b%27&a=%ZZ&c=%ED%A0%80&d=%F0%9F%98%80&e=x=y",
        "x=it%27s", "=", "&", "a", "%", "a=1#frag", "a=%20+%2B", "%41=%61", "a=(!*'~)", "k=v&K=V&k=w", "q=%",
    ];

    [Fact]
    public async Task NormalisedUrlsMatchNodesNewUrl()
    {
        RandomTwilioRequests random = new(RandomTwilioRequests.NewSeed());
        List<string> urls = [.. TrickyUrls, .. Enumerable.Range(0, 300).Select(_ => random.Url().ToString())];

        IReadOnlyList<NodeResult> node = await TwilioNodeHelper.RunAsync(urls.Select(url => new { op = "normalizeUrl", url }))
            .WaitAsync(TimeSpan.FromSeconds(60));

        List<string> mismatches = [];
        for (int i = 0; i < urls.Count; i++)
        {
            string? ours = WhatwgUrl.TryParse(urls[i])?.Href;
            string? expected = node[i].Error is null ? node[i].Text : null;
            bool unsupportedScheme = urls[i].StartsWith("mailto:", StringComparison.Ordinal) || urls[i].StartsWith("file:", StringComparison.Ordinal);
            if (ours != expected && !(unsupportedScheme && ours is null))
            {
                mismatches.Add($"{urls[i]} -> ours {ours ?? "(fails)"}, node {expected ?? "(throws)"}");
            }
        }

        mismatches.Should().BeEmpty("WhatwgUrl must serialise like new URL() (seed {0})", random.Seed);
    }

    [Fact]
    public async Task LegacyQueryRewriteMatchesNodesQuerystring()
    {
        RandomTwilioRequests random = new(RandomTwilioRequests.NewSeed());

        // The helper only rewrites queries of normalised URLs, which are ASCII.
        List<string> queries = [.. TrickyQueries, .. Enumerable.Range(0, 300)
            .Select(_ => WhatwgUrl.TryParse(random.Url().ToString())?.Query).OfType<string>()];

        IReadOnlyList<NodeResult> node = await TwilioNodeHelper.RunAsync(queries.Select(query => new { op = "legacyQuery", query }))
            .WaitAsync(TimeSpan.FromSeconds(60));

        List<string> mismatches = [.. queries.Select((q, i) => (q, i))
            .Where(x => LegacyQueryString.Reencode(x.q) != node[x.i].Text)
            .Select(x => $"{x.q} -> ours {LegacyQueryString.Reencode(x.q)}, node {node[x.i].Text}")];
        mismatches.Should().BeEmpty("the rewrite must equal querystring.stringify(querystring.parse(q)) (seed {0})", random.Seed);
    }
}
