using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using PhoneBridge.Testing.Web;

namespace PinCovisor.Web.Tests.Webhooks;

/// <summary>One webhook as it arrived, with whether its signature held against the receiver's secret.</summary>
internal sealed record ReceivedWebhook(string EventId, string Type, string DeliveryId, int Attempt, string Signature, byte[] Body, bool SignatureValid)
{
    public JsonElement Json => JsonDocument.Parse(Body).RootElement;

    public JsonElement Data => Json.GetProperty("data");
}

/// <summary>
/// The shop's receiver: real Kestrel on a fixed loopback port, so it can be stopped (the port then
/// refuses connections) and started again on the same port. It checks each signature as
/// docs/webhooks.md tells receivers to, and answers <see cref="Status"/>.
/// </summary>
internal sealed class WebhookReceiver : IAsyncDisposable
{
    public const string Secret = "whsec_test_0123456789abcdef0123456789abcdef";

    private WebApplication? _app;
    private TaskCompletionSource? _held;
    private TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private WebhookReceiver(int port) => Port = port;

    public int Port { get; }

    public Uri Url => new($"http://127.0.0.1:{Port}/hooks/phonebridge");

    public ConcurrentQueue<ReceivedWebhook> Received { get; } = new();

    /// <summary>What it answers (200 unless told otherwise).</summary>
    public HttpStatusCode Status { get; set; } = HttpStatusCode.OK;

    /// <summary>A receiver whose port is reserved but not listening yet: the receiver is down.</summary>
    public static WebhookReceiver Down() => new(LoopbackPorts.Unused());

    public static async Task<WebhookReceiver> StartAsync()
    {
        var receiver = Down();
        await receiver.StartAgainAsync();
        return receiver;
    }

    /// <summary>(Re)starts listening on <see cref="Port"/>.</summary>
    public async Task StartAgainAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, Port));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.MapPost("/hooks/phonebridge", (Func<HttpContext, Task<IResult>>)ReceiveAsync);
        await app.StartAsync().WaitAsync(TimeSpan.FromSeconds(30));
        _app = app;
    }

    /// <summary>Stops listening: connections to the port are refused.</summary>
    public async Task StopAsync()
    {
        if (_app is { } app)
        {
            _app = null;
            await app.StopAsync().WaitAsync(TimeSpan.FromSeconds(30));
            await app.DisposeAsync();
        }
    }

    /// <summary>The next request is recorded and then held unanswered until <see cref="Release"/>; the task completes when it arrived.</summary>
    public Task HoldNext()
    {
        _release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _held = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        return _held.Task;
    }

    public void Release() => _release.TrySetResult();

    /// <summary>Checks a signature the way docs/webhooks.md shows receivers: HMAC-SHA256 over "t." + the raw body, compared in constant time.</summary>
    public static bool Verify(string header, ReadOnlySpan<byte> body, string secret = Secret)
    {
        var parts = header.Split(',').Select(p => p.Split('=', 2)).Where(p => p.Length == 2).ToDictionary(p => p[0], p => p[1]);
        if (!parts.TryGetValue("t", out var t) || !parts.TryGetValue("v1", out var v1))
        {
            return false;
        }

        var expected = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), (byte[])[.. Encoding.UTF8.GetBytes(t + "."), .. body]);
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Convert.ToHexStringLower(expected)), Encoding.ASCII.GetBytes(v1));
    }

    public async ValueTask DisposeAsync()
    {
        Release();
        await StopAsync();
    }

    private async Task<IResult> ReceiveAsync(HttpContext context)
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
        var body = buffer.ToArray();
        var headers = context.Request.Headers;
        var signature = headers["PhoneBridge-Signature"].ToString();
        Received.Enqueue(new ReceivedWebhook(
            headers["PhoneBridge-Event-Id"].ToString(), headers["PhoneBridge-Event-Type"].ToString(), headers["PhoneBridge-Delivery-Id"].ToString(),
            int.Parse(headers["PhoneBridge-Delivery-Attempt"].ToString(), System.Globalization.CultureInfo.InvariantCulture), signature, body,
            Verify(signature, body)));
        if (Interlocked.Exchange(ref _held, null) is { } held)
        {
            held.TrySetResult();
            await _release.Task.WaitAsync(TimeSpan.FromSeconds(30));
        }

        return Results.StatusCode((int)Status);
    }
}
