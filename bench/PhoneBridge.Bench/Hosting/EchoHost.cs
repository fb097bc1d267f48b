using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PinCovisor.Web.Redis;
using IConnectionMultiplexer = StackExchange.Redis.IConnectionMultiplexer;
using ConnectionMultiplexer = StackExchange.Redis.ConnectionMultiplexer;

namespace PhoneBridge.Bench.Hosting;

/// <summary>
/// The floor under the covisor hub: a bare SignalR hub on Kestrel in this process that relays what
/// one member of a group sends to the others, with no authorization, no Redis log and no checks.
/// It carries the same connections, rates and payloads as the real hub in the same run. Started
/// with a log, it first numbers and stores each message in an embedded Garnet (one script: INCR and
/// ZADD), the least an ordered, replayable log costs: the floor under the covisor hub's own log.
/// </summary>
public sealed class EchoHost : IAsyncDisposable
{
    public const string HubPath = "/hubs/echo";

    private readonly WebApplication _app;
    private readonly EmbeddedGarnet? _garnet;

    private EchoHost(WebApplication app, Uri baseAddress, EmbeddedGarnet? garnet)
    {
        _app = app;
        BaseAddress = baseAddress;
        _garnet = garnet;
    }

    public Uri BaseAddress { get; }

    public static async Task<EchoHost> StartAsync(bool withLog = false)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        builder.Services.AddSignalR();
        var garnet = withLog ? EmbeddedGarnet.Start() : null;
        builder.Services.AddSingleton(new EchoLog(garnet is null ? null : await ConnectionMultiplexer.ConnectAsync(garnet.ConnectionString)));
        var app = builder.Build();
        app.MapHub<EchoHub>(HubPath);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new EchoHost(app, new Uri(address), garnet);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _garnet?.Dispose();
    }
}

/// <summary>Joins a group; relays a message to the group's other members, numbered by the log when there is one.</summary>
internal sealed class EchoHub(EchoLog log) : Hub
{
    public Task Join(string group) => Groups.AddToGroupAsync(Context.ConnectionId, group);

    public async Task<long> Relay(string group, string kind, string id, object? payload)
    {
        var seq = await log.AppendAsync(group, id);
        await Clients.OthersInGroup(group).SendAsync("Echo", kind, id, payload);
        return seq;
    }
}

/// <summary>The minimal ordered log: a counter and a sorted set per group, written by one script.</summary>
internal sealed class EchoLog(IConnectionMultiplexer? redis)
{
    private const string Append = """
        local seq = redis.call('INCR', KEYS[1])
        redis.call('ZADD', KEYS[2], seq, ARGV[1])
        return seq
        """;

    public async Task<long> AppendAsync(string group, string id) => redis is null
        ? 1
        : (long)await redis.GetDatabase().ScriptEvaluateAsync(Append, [$"echo:{{{group}}}:seq", $"echo:{{{group}}}:log"], [id]);
}
