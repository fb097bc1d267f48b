using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PhoneBridge.Twilio.Rest.Simulation;

namespace PhoneBridge.Testing.Web;

/// <summary>
/// A real HTTP server on loopback serving <see cref="SimulatedTwilioApi"/> for the test account
/// (<see cref="AccountSid"/>, <see cref="PinCovisorHost.AuthToken"/>), optionally under a path
/// prefix. It records every request, failed ones included, and fails the next ones as told.
/// </summary>
public sealed class LoopbackTwilioApi : IAsyncDisposable
{
    /// <summary>The account the test hosts are configured with.</summary>
    public static readonly string AccountSid = "AC" + new string('1', 32);

    private readonly WebApplication _app;
    private readonly string _prefix;
    private int _failuresLeft;
    private int _dropsLeft;
    private int _holdsLeft;
    private HttpStatusCode _failureStatus = HttpStatusCode.ServiceUnavailable;
    private bool _failAsTwilio = true;

    private LoopbackTwilioApi(WebApplication app, SimulatedTwilioApi api, string prefix)
    {
        _app = app;
        Api = api;
        _prefix = prefix;
    }

    /// <summary>The simulated API: what it accepted, its calls.</summary>
    public SimulatedTwilioApi Api { get; }

    /// <summary>The texts accepted.</summary>
    public IReadOnlyCollection<SimulatedMessage> Received => Api.Messages;

    /// <summary>Every request that arrived, in order, including the failed ones.</summary>
    public ConcurrentQueue<ReceivedRequest> Requests { get; } = new();

    /// <summary>How many requests arrived, including the failed ones.</summary>
    public int Attempts => Requests.Count;

    /// <summary>The value for <c>Twilio:ApiBaseUrl</c>: scheme, loopback host, port, and the prefix if any.</summary>
    public Uri BaseAddress =>
        new(_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/') + _prefix);

    /// <summary>
    /// The next <paramref name="count"/> requests get <paramref name="status"/> with Twilio's error body,
    /// or with a plain-text one (as a proxy in front of Twilio would answer) when <paramref name="asTwilio"/> is false.
    /// </summary>
    public void FailNext(int count, HttpStatusCode status, bool asTwilio = true)
    {
        _failureStatus = status;
        _failAsTwilio = asTwilio;
        Volatile.Write(ref _failuresLeft, count);
    }

    /// <summary>The next <paramref name="count"/> requests are read whole, then the connection is cut without an answer.</summary>
    public void DropNext(int count) => Volatile.Write(ref _dropsLeft, count);

    /// <summary>
    /// The next <paramref name="count"/> requests are read whole and never answered, until the client
    /// gives up. The task completes when the first of them has arrived.
    /// </summary>
    public Task HoldNext(int count)
    {
        _held = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Volatile.Write(ref _holdsLeft, count);
        return _held.Task;
    }

    private TaskCompletionSource _held = new();

    public static async Task<LoopbackTwilioApi> StartAsync(string pathPrefix = "", TimeProvider? time = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var api = new LoopbackTwilioApi(app, new SimulatedTwilioApi(AccountSid, PinCovisorHost.AuthToken, time), pathPrefix.TrimEnd('/'));
        app.Use(api.RecordAndFailAsync);
        api.Api.Map(pathPrefix.Length == 0 ? app : app.MapGroup(pathPrefix));
        await app.StartAsync().WaitAsync(TimeSpan.FromSeconds(30));
        return api;
    }

    private async Task RecordAndFailAsync(HttpContext context, RequestDelegate next)
    {
        var request = context.Request;
        var form = request.HasFormContentType ? await request.ReadFormAsync(context.RequestAborted) : FormCollection.Empty;
        Requests.Enqueue(new ReceivedRequest(
            request.Method, request.Path.Value ?? string.Empty, request.Headers.Authorization.ToString(),
            [.. form.SelectMany(f => f.Value.Select(v => new KeyValuePair<string, string>(f.Key, v ?? string.Empty)))]));
        if (Interlocked.Decrement(ref _dropsLeft) >= 0)
        {
            context.Abort();
            return;
        }

        if (Interlocked.Decrement(ref _holdsLeft) >= 0)
        {
            _held.TrySetResult();
            await Task.Delay(Timeout.InfiniteTimeSpan, context.RequestAborted).WaitAsync(TimeSpan.FromSeconds(30))
                .ContinueWith(_ => { }, TaskScheduler.Default);
            context.Abort();
            return;
        }

        if (Interlocked.Decrement(ref _failuresLeft) >= 0)
        {
            var status = (int)_failureStatus;
            var answer = _failAsTwilio
                ? SimulatedTwilioApi.Error(status, 20000 + status, _failureStatus.ToString())
                : Results.Text("<html><body>" + _failureStatus + "</body></html>", "text/html", statusCode: status);
            await answer.ExecuteAsync(context);
            return;
        }

        await next(context);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().WaitAsync(TimeSpan.FromSeconds(30));
        await _app.DisposeAsync();
    }
}

/// <summary>One request as it arrived: method, path, the Authorization header, the form fields in order.</summary>
public sealed record ReceivedRequest(string Method, string Path, string Authorization, IReadOnlyList<KeyValuePair<string, string>> Form)
{
    public string? Field(string name) => Form.FirstOrDefault(f => f.Key == name).Value;
}
