using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace PhoneBridge.Bench.Hosting;

/// <summary>
/// The floor under the covisor hub: a bare SignalR hub on Kestrel in this process that relays what
/// one member of a group sends to the others, with no authorization, no Redis log and no checks.
/// It carries the same connections, rates and payloads as the real hub in the same run.
/// </summary>
public sealed class EchoHost : IAsyncDisposable
{
    public const string HubPath = "/hubs/echo";

    private readonly WebApplication _app;

    private EchoHost(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public static async Task<EchoHost> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        builder.Services.AddSignalR();
        var app = builder.Build();
        app.MapHub<EchoHub>(HubPath);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new EchoHost(app, new Uri(address));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

/// <summary>Joins a group; relays a message to the group's other members.</summary>
internal sealed class EchoHub : Hub
{
    public Task Join(string group) => Groups.AddToGroupAsync(Context.ConnectionId, group);

    public async Task<long> Relay(string group, string kind, string id, object? payload)
    {
        await Clients.OthersInGroup(group).SendAsync("Echo", kind, id, payload);
        return 1;
    }
}
