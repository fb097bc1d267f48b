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
/// Twilio's media CDN on another loopback port: a <see cref="LoopbackTwilioApi"/> whose media redirect
/// here (<c>SimulatedTwilioApi.MediaRedirect</c>) has its bytes served at <c>/{MessageSid}/{MediaSid}</c>,
/// without credentials, and every request's Authorization header recorded (it must never carry one).
/// </summary>
public sealed class LoopbackMediaCdn : IAsyncDisposable
{
    private readonly WebApplication _app;

    private LoopbackMediaCdn(WebApplication app) => _app = app;

    /// <summary>Each request's path and Authorization header (empty when none), in order.</summary>
    public ConcurrentQueue<(string Path, string Authorization)> Requests { get; } = new();

    /// <summary>Where the CDN listens: <c>http://127.0.0.1:{port}</c>.</summary>
    public Uri BaseAddress => new(_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());

    /// <summary>Starts the CDN for <paramref name="api"/> and points the API's media redirect at it.</summary>
    public static async Task<LoopbackMediaCdn> StartAsync(LoopbackTwilioApi api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var cdn = new LoopbackMediaCdn(app);
        app.MapGet("/{messageSid}/{mediaSid}", (string messageSid, string mediaSid, HttpRequest request) =>
        {
            cdn.Requests.Enqueue((request.Path.Value ?? string.Empty, request.Headers.Authorization.ToString()));
            return api.Api.FindMedia(messageSid, mediaSid) is { } media ? Results.Bytes(media.Bytes.ToArray(), media.ContentType) : Results.NotFound();
        });
        await app.StartAsync().WaitAsync(TimeSpan.FromSeconds(30));
        api.Api.MediaRedirect = cdn.BaseAddress;
        return cdn;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().WaitAsync(TimeSpan.FromSeconds(30));
        await _app.DisposeAsync();
    }
}
