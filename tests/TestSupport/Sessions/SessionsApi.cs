using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace PhoneBridge.Testing.Sessions;

/// <summary>What <c>POST /api/join</c> and <c>/api/join/device</c> answer on success.</summary>
public sealed record JoinedJson(string SessionId, string Token, JoinedAgent? Agent, string Admission);

/// <summary>The agent named in a join answer.</summary>
public sealed record JoinedAgent(string DisplayName);

/// <summary>
/// Calls the session APIs over the real socket. Each instance is one client address: the host must
/// trust loopback as a proxy (<see cref="TrustLoopbackProxy"/>) so <c>X-Forwarded-For</c> names it,
/// which keeps tests from sharing a throttle on a shared Redis.
/// </summary>
public sealed class SessionsApi(HttpClient http, string? clientAddress = null)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    /// <summary>The setting that makes the host believe <c>X-Forwarded-For</c> from loopback.</summary>
    public static KeyValuePair<string, string?> TrustLoopbackProxy => new("ForwardedHeaders:KnownProxies:0", "127.0.0.1");

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The client address these requests come from.</summary>
    public string ClientAddress { get; } = clientAddress ?? RandomAddress();

    /// <summary>A random address from 10.0.0.0/8, for one test's client.</summary>
    public static string RandomAddress() =>
        $"10.{Random.Shared.Next(256)}.{Random.Shared.Next(256)}.{Random.Shared.Next(1, 255)}";

    /// <summary>The same host from another client address.</summary>
    public SessionsApi FromAnotherClient() => new(http);

    public Task<HttpResponseMessage> JoinAsync(string pin, string? userAgent = null) =>
        SendAsync(HttpMethod.Post, "/api/join", null, JsonContent.Create(new { pin }), userAgent);

    public Task<HttpResponseMessage> JoinDeviceAsync(string code, string? userAgent = null) =>
        SendAsync(HttpMethod.Post, "/api/join/device", null, JsonContent.Create(new { code }), userAgent);

    /// <summary>Joins and asserts success.</summary>
    public async Task<JoinedJson> JoinedAsync(string pin, string? userAgent = null)
    {
        using var response = await JoinAsync(pin, userAgent);
        return await ReadAsync<JoinedJson>(response);
    }

    /// <summary>Joins with a second-device code and asserts success.</summary>
    public async Task<JoinedJson> JoinedDeviceAsync(string code, string? userAgent = null)
    {
        using var response = await JoinDeviceAsync(code, userAgent);
        return await ReadAsync<JoinedJson>(response);
    }

    /// <summary>Posts raw bytes as a join body with the given content type.</summary>
    public Task<HttpResponseMessage> PostRawAsync(string path, string? body, string contentType = "application/json") =>
        SendAsync(HttpMethod.Post, path, null, body is null ? null : new StringContent(body, Encoding.UTF8, contentType), null);

    public Task<HttpResponseMessage> GetAsync(string path, string? token) => SendAsync(HttpMethod.Get, path, token, null, null);

    public Task<HttpResponseMessage> PostAsync(string path, string? token) => SendAsync(HttpMethod.Post, path, token, null, null);

    /// <summary>Reads a JSON body, failing with the body's text when the status is not a success.</summary>
    public static async Task<T> ReadAsync<T>(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var text = await response.Content.ReadAsStringAsync().WaitAsync(Timeout);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{(int)response.StatusCode}: {text}");
        }

        return JsonSerializer.Deserialize<T>(text, Json)!;
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? token, HttpContent? content, string? userAgent)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        request.Headers.Add("X-Forwarded-For", ClientAddress);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        if (userAgent is not null)
        {
            request.Headers.TryAddWithoutValidation("User-Agent", userAgent);
        }

        return await http.SendAsync(request).WaitAsync(Timeout);
    }
}
