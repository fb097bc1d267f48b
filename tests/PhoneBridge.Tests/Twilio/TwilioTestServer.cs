using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

using Microsoft.Extensions.Logging.Testing;
using PhoneBridge.Twilio;

namespace PhoneBridge.Tests.Twilio;

/// <summary>
/// A real Kestrel server on loopback with a "/twilio" group behind <c>.ValidateTwilioRequest()</c>.
/// Handlers record what they read in <see cref="Runs"/> so tests can see whether they ran. As a
/// host behind a TLS proxy does, it takes the scheme from <c>X-Forwarded-Proto</c> (loopback is a
/// known proxy by default), so tests can send what Twilio sends to an https URL.
/// </summary>
public sealed class TwilioTestServer : IAsyncDisposable
{
    public const string AuthToken = "0123456789abcdef0123456789abcdef";

    private readonly WebApplication _app;

    private TwilioTestServer(WebApplication app)
    {
        _app = app;
    }

    public Uri Address { get; private set; } = null!;

    public HttpClient Client { get; } = new();

    /// <summary>What each handler run read, in order; empty when no handler ran.</summary>
    public ConcurrentQueue<string> Runs { get; } = new();

    public FakeLogCollector Logs => _app.Services.GetFakeLogCollector();

    public static async Task<TwilioTestServer> StartAsync(string? baseUrlOverride = null)
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Twilio:AuthToken"] = AuthToken,
            ["Twilio:BaseUrlOverride"] = baseUrlOverride,
        });
        builder.AddTwilio();
        builder.Logging.ClearProviders().AddFakeLogging();

        TwilioTestServer server = new(builder.Build());
        server._app.UseForwardedHeaders(new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedProto });
        server.MapEndpoints(server._app.MapGroup("/twilio").ValidateTwilioRequest());
        await server._app.StartAsync().WaitAsync(TimeSpan.FromSeconds(30));
        server.Address = new Uri(server._app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First());
        server.Client.BaseAddress = server.Address;
        return server;
    }

    /// <summary>Posts <paramref name="fields"/> to <paramref name="path"/>, signed over <paramref name="signedUrl"/> (default: the loopback URL).</summary>
    public Task<HttpResponseMessage> PostFormAsync(
        string path, IReadOnlyList<KeyValuePair<string, string>> fields, string? signedUrl = null,
        IReadOnlyList<KeyValuePair<string, string>>? signedFields = null, string? signature = null, string? basicAuth = null)
    {
        HttpRequestMessage request = new(HttpMethod.Post, path) { Content = new FormUrlEncodedContent(fields) };
        string url = signedUrl ?? new Uri(Address, path).AbsoluteUri;
        return SendAsync(request, signature ?? TwilioSignature.Compute(AuthToken, url, signedFields ?? fields), basicAuth);
    }

    /// <summary>Posts JSON to <paramref name="path"/> with <c>?bodySHA256=</c> of <paramref name="signedBody"/>, signed over that URL.</summary>
    public Task<HttpResponseMessage> PostJsonAsync(string path, string body, string? signedBody = null)
    {
        string hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(signedBody ?? body)));
        string target = path + "?bodySHA256=" + hash;
        HttpRequestMessage request = new(HttpMethod.Post, target) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        return SendAsync(request, TwilioSignature.Compute(AuthToken, new Uri(Address, target).AbsoluteUri, null));
    }

    /// <summary>
    /// Sends <paramref name="content"/> the way Twilio requests <paramref name="url"/>: its path and
    /// query as the request target, its host and port as <c>Host</c>, its scheme as
    /// <c>X-Forwarded-Proto</c> and its userinfo as Basic credentials.
    /// </summary>
    public Task<HttpResponseMessage> SendAsTwilioAsync(RandomUrl url, HttpContent content, string signature)
    {
        HttpRequestMessage request = new(HttpMethod.Post, url.PathAndQuery) { Content = content };
        request.Headers.Host = url.Host + url.Port;
        request.Headers.Add("X-Forwarded-Proto", url.Scheme);
        return SendAsync(request, signature, url.UserInfo.Length == 0 ? null : url.UserInfo.TrimEnd('@'));
    }

    public Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, string? signature, string? basicAuth = null)
    {
        if (signature is not null)
        {
            request.Headers.Add("X-Twilio-Signature", signature);
        }

        if (basicAuth is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(basicAuth)));
        }

        return Client.SendAsync(request).WaitAsync(TimeSpan.FromSeconds(30));
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync().WaitAsync(TimeSpan.FromSeconds(30));
        await _app.DisposeAsync();
    }

    private void MapEndpoints(RouteGroupBuilder twilio)
    {
        twilio.MapPost("/voice", async (HttpRequest request) =>
        {
            IFormCollection form = await request.ReadFormAsync(request.HttpContext.RequestAborted);
            return Record("voice " + form["Digits"]);
        });
        twilio.MapPost("/bound-form", ([FromForm(Name = "Digits")] string digits) => Record("bound-form " + digits)).DisableAntiforgery();
        twilio.MapPost("/events", async (HttpRequest request) =>
        {
            using StreamReader reader = new(request.Body);
            return Record("events " + await reader.ReadToEndAsync(request.HttpContext.RequestAborted));
        });
        twilio.MapPost("/bound-json", (JsonElement body) => Record("bound-json " + body.GetRawText()));
        twilio.MapGet("/status", () => Record("status"));
        twilio.MapPost("/{**rest}", () => Record("any"));
    }

    private IResult Record(string run)
    {
        Runs.Enqueue(run);
        return Results.Text("ran");
    }
}
