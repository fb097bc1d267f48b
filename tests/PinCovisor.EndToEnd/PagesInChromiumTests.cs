using PinCovisor.EndToEnd.Browser;

namespace PinCovisor.EndToEnd;

/// <summary>Every page of the Development host loads in Chromium under the strict CSP without a console error.</summary>
[Collection(BrowserCollection.Name)]
public sealed class PagesInChromiumTests(DevelopmentSite site, ITestOutputHelper output)
{
    [Theory]
    [InlineData("/join", Device.Phone)]
    [InlineData("/agent", Device.Desktop)]
    [InlineData("/demo", Device.Desktop)]
    [InlineData("/demo/phone", Device.Phone)]
    [InlineData("/demo/whatsapp", Device.Phone)]
    public async Task APageLoadsUnderTheStrictContentSecurityPolicyWithoutErrors(string path, Device device)
    {
        await using var visitor = await site.OpenAsync("visitor", device, "es-ES");
        var shots = new Screenshots($"page-{path.Trim('/').Replace('/', '-')}", output, visitor);

        var response = await visitor.Page.GotoAsync(path).WaitAsync(Limits.Await);
        response.Should().NotBeNull();
        response!.Status.Should().Be(200);
        (await response.HeaderValueAsync("content-type").WaitAsync(Limits.Await)).Should().StartWith("text/html");
        StrictPolicy(await response.HeaderValueAsync("content-security-policy").WaitAsync(Limits.Await));
        await visitor.Page.WaitForLoadStateAsync(Microsoft.Playwright.LoadState.NetworkIdle).WaitAsync(Limits.Await);
        await shots.TakeAsync("loaded");

        PageProblems.AssertNone(visitor);
    }

    [Fact]
    public async Task TheWidgetScriptIsServedAsJavaScriptUnderTheSamePolicy()
    {
        using var http = site.Host.CreateLoopbackClient();
        using var response = await http.GetAsync(new Uri("/widget.js", UriKind.Relative)).WaitAsync(Limits.Await);
        response.StatusCode.Should().Be(System.Net.HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("text/javascript");
        StrictPolicy(string.Join("; ", response.Headers.GetValues("Content-Security-Policy")));
        (await response.Content.ReadAsStringAsync().WaitAsync(Limits.Await)).Should().NotBeNullOrWhiteSpace();
    }

    // script-src and style-src only 'self': no inline code, no eval, no foreign origin.
    private static void StrictPolicy(string? header)
    {
        header.Should().NotBeNull("every page carries a Content-Security-Policy");
        var directives = header!.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(d => d.Split(' ', 2))
            .ToDictionary(d => d[0], d => d.Length > 1 ? d[1] : "");
        directives.Should().Contain("default-src", "'self'");
        directives.Should().Contain("script-src", "'self'");
        directives.Should().Contain("style-src", "'self'");
        directives.Should().Contain("object-src", "'none'");
        directives.Should().Contain("frame-ancestors", "'none'");
        header.Should().NotContain("unsafe-");
    }
}
