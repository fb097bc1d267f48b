using System.IO.Compression;
using System.Net;
using System.Text.RegularExpressions;
using PhoneBridge.Testing.Redis;
using PinCovisor.Web.Tests.Ivr;

namespace PinCovisor.Web.Tests.Pages;

[Collection(RedisCollection.Name)]
public sealed partial class PageTests(RedisServers servers)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    /// <summary>The widget's budget, SignalR client included, as docs/widget.md states it.</summary>
    private const int WidgetGzipBudgetBytes = 40 * 1024;

    [Theory]
    [InlineData("/join")]
    [InlineData("/agent")]
    [InlineData("/demo")]
    [InlineData("/demo/phone")]
    [InlineData("/demo/whatsapp")]
    public async Task PagesServeHtmlUnderAStrictContentSecurityPolicyWithNoInlineCode(string path)
    {
        await using var host = HostFactory.StartDemo(servers);
        using var http = host.CreateLoopbackClient();

        using var response = await http.GetAsync(new Uri(path, UriKind.Relative)).WaitAsync(Timeout);
        var html = await response.Content.ReadAsStringAsync().WaitAsync(Timeout);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("text/html");
        var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        csp.Should().Contain("script-src 'self'").And.Contain("style-src 'self'").And.Contain("frame-ancestors 'none'")
            .And.NotContain("unsafe-inline").And.NotContain("unsafe-eval");
        response.Headers.GetValues("X-Content-Type-Options").Should().Equal("nosniff");

        InlineScript().Matches(html).Should().BeEmpty("scripts come from files the CSP allows");
        StyleAttributeOrElement().Matches(html).Should().BeEmpty("styles come from stylesheets the CSP allows");
        EventHandlerAttribute().Matches(html).Should().BeEmpty("handlers are attached from scripts");
        html.Should().Contain("lang=");
    }

    [Fact]
    public async Task TheWidgetIsOneCacheableClassicScriptWithinItsSizeBudget()
    {
        await using var host = HostFactory.Start(servers, RedisServerKind.Garnet);
        using var http = host.CreateLoopbackClient();

        using var response = await http.GetAsync(new Uri("/widget.js", UriKind.Relative)).WaitAsync(Timeout);
        var script = await response.Content.ReadAsByteArrayAsync().WaitAsync(Timeout);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("text/javascript");
        response.Headers.CacheControl!.Public.Should().BeTrue();
        response.Headers.CacheControl.MaxAge.Should().Be(TimeSpan.FromMinutes(5));
        response.Headers.GetValues("Cross-Origin-Resource-Policy").Should().Equal("cross-origin");
        System.Text.Encoding.UTF8.GetString(script).Should().NotContain("import ", "a classic script cannot use import statements");

        using var gzipped = new MemoryStream();
        await using (var gzip = new GZipStream(gzipped, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            await gzip.WriteAsync(script).AsTask().WaitAsync(Timeout);
        }

        gzipped.Length.Should().BeGreaterThan(5 * 1024, "the SignalR client alone is bigger than that").And.BeLessThanOrEqualTo(WidgetGzipBudgetBytes);
    }

    [Fact]
    public async Task TheWidgetTravelsCompressedAndApiAnswersDoNot()
    {
        await using var host = HostFactory.Start(servers, RedisServerKind.Garnet);
        using var http = host.CreateLoopbackClient();

        using var widget = await http.SendAsync(AcceptingGzip("/widget.js")).WaitAsync(Timeout);
        var compressed = await widget.Content.ReadAsByteArrayAsync().WaitAsync(Timeout);
        using var health = await http.SendAsync(AcceptingGzip("/readyz")).WaitAsync(Timeout);

        widget.Content.Headers.ContentEncoding.Should().Equal("gzip");
        compressed.Length.Should().BeLessThanOrEqualTo(WidgetGzipBudgetBytes);
        health.Content.Headers.ContentEncoding.Should().BeEmpty();
    }

    [Theory]
    [InlineData("/css/widget.css", "public, max-age=300")]
    [InlineData("/css/agent.css", "no-cache")]
    [InlineData("/js/agent.js", "no-cache")]
    public async Task StaticFilesSayHowLongTheyMayBeKept(string path, string cacheControl)
    {
        await using var host = HostFactory.Start(servers, RedisServerKind.Garnet);
        using var http = host.CreateLoopbackClient();

        using var response = await http.GetAsync(new Uri(path, UriKind.Relative)).WaitAsync(Timeout);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Headers.CacheControl!.ToString().Should().Be(cacheControl);
    }

    [Fact]
    public async Task TheConsoleServiceWorkerMayControlTheConsole()
    {
        await using var host = HostFactory.Start(servers, RedisServerKind.Garnet);
        using var http = host.CreateLoopbackClient();

        using var response = await http.GetAsync(new Uri("/agent/sw.js", UriKind.Relative)).WaitAsync(Timeout);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Headers.GetValues("Service-Worker-Allowed").Should().Equal("/agent");
        response.Headers.CacheControl!.NoCache.Should().BeTrue();
    }

    [Theory]
    [InlineData("/api/join", "POST")]
    [InlineData("/api/visitors/pageview", "POST")]
    [InlineData("/hubs/covisor/negotiate", "POST")]
    public async Task AShopOriginListedInHubAllowedOriginsMayCallTheWidgetsApisWithoutCookies(string path, string method)
    {
        await using var host = HostFactory.Start(servers, RedisServerKind.Garnet,
            new Dictionary<string, string?> { ["Hub:AllowedOrigins:0"] = "https://Shop.Example" });
        using var http = host.CreateLoopbackClient();

        using var allowed = await http.SendAsync(Preflight(path, method, "https://shop.example")).WaitAsync(Timeout);
        using var foreign = await http.SendAsync(Preflight(path, method, "https://evil.example")).WaitAsync(Timeout);

        allowed.StatusCode.Should().Be(HttpStatusCode.NoContent);
        allowed.Headers.GetValues("Access-Control-Allow-Origin").Should().Equal("https://shop.example");
        allowed.Headers.GetValues("Access-Control-Allow-Headers").Single().ToUpperInvariant().Should().Contain("AUTHORIZATION");
        allowed.Headers.Contains("Access-Control-Allow-Credentials").Should().BeFalse("the widget holds a bearer token, never a cookie");
        foreign.Headers.Contains("Access-Control-Allow-Origin").Should().BeFalse();
    }

    [Fact]
    public async Task TwilioWebhooksCarryNoPageHeaders()
    {
        await using var host = HostFactory.Start(servers, RedisServerKind.Garnet);
        using var http = host.CreateLoopbackClient();

        using var response = await http.PostAsync(new Uri("/twilio/voice", UriKind.Relative), new FormUrlEncodedContent([])).WaitAsync(Timeout);

        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        response.Headers.Contains("Content-Security-Policy").Should().BeFalse();
    }

    private static HttpRequestMessage AcceptingGzip(string path)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        request.Headers.AcceptEncoding.ParseAdd("gzip");
        return request;
    }

    private static HttpRequestMessage Preflight(string path, string method, string origin)
    {
        var request = new HttpRequestMessage(HttpMethod.Options, new Uri(path, UriKind.Relative));
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", method);
        request.Headers.Add("Access-Control-Request-Headers", "authorization,content-type");
        return request;
    }

    [GeneratedRegex(@"<script(?![^>]*\bsrc=)[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex InlineScript();

    [GeneratedRegex(@"<style\b|\sstyle\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex StyleAttributeOrElement();

    [GeneratedRegex(@"\son[a-z]+\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex EventHandlerAttribute();
}
