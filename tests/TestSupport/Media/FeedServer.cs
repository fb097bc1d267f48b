using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace PhoneBridge.Testing.Media;

/// <summary>
/// A shop's web server on loopback serving one product feed at <c>/feed</c>, whose body and
/// Content-Type the test changes at will (to serve a good feed, then a broken one).
/// </summary>
public sealed class FeedServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private volatile Served _served = new("[]", "application/json", 200);
    private int _requests;

    private FeedServer(WebApplication app) => _app = app;

    private sealed record Served(string Body, string ContentType, int Status);

    /// <summary>The feed's URL, e.g. <c>http://127.0.0.1:41234/feed</c>.</summary>
    public Uri FeedUrl => new(new Uri(_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()), "/feed");

    /// <summary>Requests served so far.</summary>
    public int Requests => Volatile.Read(ref _requests);

    public void Serve(string body, string contentType, int status = 200) => _served = new Served(body, contentType, status);

    public static async Task<FeedServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new FeedServer(app);
        app.MapGet("/feed", (HttpContext context) =>
        {
            Interlocked.Increment(ref server._requests);
            var served = server._served;
            return Results.Text(served.Body, served.ContentType, statusCode: served.Status);
        });
        await app.StartAsync().WaitAsync(TimeSpan.FromSeconds(30));
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().WaitAsync(TimeSpan.FromSeconds(30));
        await _app.DisposeAsync();
    }
}
