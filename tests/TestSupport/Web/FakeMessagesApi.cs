using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace PhoneBridge.Testing.Web;

/// <summary>
/// A real HTTP server on loopback standing in for Twilio's REST Messages API: it records each
/// POST to <c>/2010-04-01/Accounts/{sid}/Messages.json</c> and answers 201, or first fails as told.
/// </summary>
public sealed class FakeMessagesApi : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _failuresLeft;

    private FakeMessagesApi(WebApplication app) => _app = app;

    public ConcurrentQueue<ReceivedMessage> Received { get; } = new();

    /// <summary>Every request, including the failed ones.</summary>
    public int Attempts => _attempts;

    private int _attempts;

    public Uri BaseAddress =>
        new(_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());

    /// <summary>The next <paramref name="count"/> requests get <paramref name="status"/>.</summary>
    public void FailNext(int count, HttpStatusCode status)
    {
        FailureStatus = status;
        Volatile.Write(ref _failuresLeft, count);
    }

    private HttpStatusCode FailureStatus { get; set; } = HttpStatusCode.ServiceUnavailable;

    public static async Task<FakeMessagesApi> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var api = new FakeMessagesApi(app);
        app.MapPost("/2010-04-01/Accounts/{accountSid}/Messages.json", async (string accountSid, HttpRequest request) =>
        {
            Interlocked.Increment(ref api._attempts);
            if (Interlocked.Decrement(ref api._failuresLeft) >= 0)
            {
                return Results.StatusCode((int)api.FailureStatus);
            }

            var form = await request.ReadFormAsync();
            api.Received.Enqueue(new ReceivedMessage(
                accountSid, request.Headers.Authorization.ToString(), form["To"].ToString(), form["From"].ToString(), form["Body"].ToString()));
            return Results.Json(new { sid = "SM" + Guid.NewGuid().ToString("N"), status = "queued" }, statusCode: 201);
        });
        await app.StartAsync().WaitAsync(TimeSpan.FromSeconds(30));
        return api;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().WaitAsync(TimeSpan.FromSeconds(30));
        await _app.DisposeAsync();
    }
}

public sealed record ReceivedMessage(string AccountSid, string Authorization, string To, string From, string Body);
