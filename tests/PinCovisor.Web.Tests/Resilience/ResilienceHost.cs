using System.Net;
using PhoneBridge.Testing.Sessions;
using PhoneBridge.Testing.Web;
using PinCovisor.Web.Tests.Hub;

namespace PinCovisor.Web.Tests.Resilience;

/// <summary>Hosts on a redis-server the test controls, and what their health endpoints say.</summary>
internal static class ResilienceHost
{
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(30);

    /// <summary>A started host (a shop, the backplane on) whose Redis is 127.0.0.1:<paramref name="redisPort"/>, listening or not.</summary>
    public static PinCovisorHost Start(int redisPort, IDictionary<string, string?>? settings = null)
    {
        var all = new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>())
        {
            ["ConnectionStrings:Redis"] = $"127.0.0.1:{redisPort},abortConnect=false",
            [SessionsApi.TrustLoopbackProxy.Key] = SessionsApi.TrustLoopbackProxy.Value,
        };
        var host = new PinCovisorHost(ShopSettings.With(all));
        _ = host.BaseAddress;
        return host;
    }

    public static async Task<HttpStatusCode> StatusAsync(HttpClient http, string path)
    {
        ArgumentNullException.ThrowIfNull(http);
        using var response = await http.GetAsync(new Uri(path, UriKind.Relative)).WaitAsync(RequestTimeout);
        return response.StatusCode;
    }

    /// <summary>Asserts the host is alive but not ready, and says so in problem+json.</summary>
    public static async Task ShouldBeAliveButNotReadyAsync(HttpClient http)
    {
        ArgumentNullException.ThrowIfNull(http);
        (await StatusAsync(http, "/healthz")).Should().Be(HttpStatusCode.OK);
        using var ready = await http.GetAsync(new Uri("/readyz", UriKind.Relative)).WaitAsync(RequestTimeout);
        ready.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        ready.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
    }

    /// <summary>Polls <c>/readyz</c> until it answers 200; fails after <paramref name="timeout"/>.</summary>
    public static async Task WaitUntilReadyAsync(HttpClient http, TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        while (await StatusAsync(http, "/readyz") != HttpStatusCode.OK)
        {
            if (deadline.IsCancellationRequested)
            {
                throw new TimeoutException($"/readyz did not answer 200 within {timeout}.");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200), CancellationToken.None);
        }
    }
}
