using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using PhoneBridge.Testing.Redis;
using PhoneBridge.Testing.Web;
using PinCovisor.Web.Tests.Ivr;

namespace PinCovisor.Web.Tests.Visitors;

/// <summary>The shop widget's and the agents' side of <c>/api/visitors</c>.</summary>
internal static class VisitorApi
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    /// <summary>The shop whose pages the tests' widget reports.</summary>
    public const string Shop = "https://shop.example";

    /// <summary>A host whose shop origin (<c>Hub:AllowedOrigins</c>) is <see cref="Shop"/>.</summary>
    public static PinCovisorHost StartShop(
        RedisServers servers, RedisServerKind kind, IDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null) =>
        HostFactory.Start(servers, kind, new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>())
        {
            ["Hub:AllowedOrigins:0"] = Shop,
        }, services);

    public static HttpClient ClientFor(PinCovisorHost host, string? bearer = null)
    {
        var client = host.CreateLoopbackClient();
        if (bearer is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }

        client.DefaultRequestHeaders.UserAgent.ParseAdd("Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0");
        return client;
    }

    public static Task<HttpResponseMessage> PostPageViewAsync(HttpClient client, object body) =>
        client.PostAsJsonAsync("/api/visitors/pageview", body).WaitAsync(Timeout);

    /// <summary>A page view that must succeed; returns its JSON answer.</summary>
    public static async Task<JsonElement> PageViewAsync(HttpClient client, object body)
    {
        using var response = await PostPageViewAsync(client, body);
        var text = await response.Content.ReadAsStringAsync().WaitAsync(Timeout);
        response.StatusCode.Should().Be(System.Net.HttpStatusCode.OK, text);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>A first page view: the minted id and key, and the whole answer.</summary>
    public static async Task<(string Id, string Key, JsonElement Answer)> StartVisitAsync(HttpClient widget, string url, string? title = null)
    {
        var answer = await PageViewAsync(widget, new { url, title });
        return (answer.GetProperty("visitorId").GetString()!, answer.GetProperty("visitorKey").GetString()!, answer);
    }

    public static async Task<JsonElement[]> ListAsync(HttpClient agent)
    {
        using var response = await agent.GetAsync("/api/visitors").WaitAsync(Timeout);
        var text = await response.Content.ReadAsStringAsync().WaitAsync(Timeout);
        response.StatusCode.Should().Be(System.Net.HttpStatusCode.OK, text);
        return [.. JsonDocument.Parse(text).RootElement.Clone().EnumerateArray()];
    }

    public static JsonElement? Find(JsonElement[] visitors, string visitorId) =>
        visitors.Cast<JsonElement?>().FirstOrDefault(v => v!.Value.GetProperty("visitorId").GetString() == visitorId);
}
