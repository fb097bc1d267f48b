using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using PhoneBridge.Testing.Web;

namespace PhoneBridge.Testing.Agents;

/// <summary>
/// An agent logged in through <c>POST /api/agents/login</c>: <see cref="Browser"/> holds the console
/// cookie (as a browser would), <see cref="Api"/> sends the bearer token (as a non-browser client would).
/// </summary>
public sealed class AgentClient : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private readonly CookieContainer _cookies;

    private AgentClient(HttpClient browser, CookieContainer cookies, HttpClient api, string token)
    {
        Browser = browser;
        _cookies = cookies;
        Api = api;
        Token = token;
    }

    /// <summary>Carries the cookie the login set; no Authorization header.</summary>
    public HttpClient Browser { get; }

    /// <summary>Carries <c>Authorization: Bearer</c>; no cookies.</summary>
    public HttpClient Api { get; }

    public string Token { get; }

    /// <summary>The <c>Cookie</c> header the browser would send now (to replay it from elsewhere).</summary>
    public string CookieHeader => _cookies.GetCookieHeader(Browser.BaseAddress!);

    /// <summary>Logs in and asserts it worked.</summary>
    public static async Task<AgentClient> LogInAsync(PinCovisorHost host, string username, string password)
    {
        ArgumentNullException.ThrowIfNull(host);
        var cookies = new CookieContainer();
        var browser = new HttpClient(new HttpClientHandler { CookieContainer = cookies })
        {
            BaseAddress = host.BaseAddress,
            Timeout = Timeout,
        };
        using var response = await PostLoginAsync(browser, username, password);
        var body = await response.Content.ReadAsStringAsync().WaitAsync(Timeout);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            browser.Dispose();
            throw new InvalidOperationException($"Login of {username} answered {(int)response.StatusCode}: {body}");
        }

        var token = JsonDocument.Parse(body).RootElement.GetProperty("token").GetString()!;
        var api = host.CreateLoopbackClient();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return new AgentClient(browser, cookies, api, token);
    }

    /// <summary>Posts a login as it comes, optionally from another client address (via <c>X-Forwarded-For</c>).</summary>
    public static async Task<HttpResponseMessage> PostLoginAsync(HttpClient http, string username, string password, string? clientAddress = null)
    {
        ArgumentNullException.ThrowIfNull(http);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/agents/login")
        {
            Content = JsonContent.Create(new { username, password }),
        };
        if (clientAddress is not null)
        {
            request.Headers.Add("X-Forwarded-For", clientAddress);
        }

        return await http.SendAsync(request).WaitAsync(Timeout);
    }

    public void Dispose()
    {
        Browser.Dispose();
        Api.Dispose();
    }
}
