using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace PhoneBridge.Bench.Clients;

/// <summary>The official .NET SignalR client over WebSockets, as a native app or the widget connects.</summary>
public static class ClientConnections
{
    /// <summary>
    /// A connection; <paramref name="skipNegotiation"/> goes straight to the WebSocket, leaving no idle
    /// HTTP connection behind from the negotiate request (each client here has its own HTTP pool,
    /// where a browser would share one).
    /// </summary>
    public static HubConnection Build(Uri hubUrl, string? token, bool skipNegotiation = false) => new HubConnectionBuilder()
        .WithUrl(hubUrl, o =>
        {
            o.Transports = HttpTransportType.WebSockets;
            o.SkipNegotiation = skipNegotiation;
            if (token is not null)
            {
                o.AccessTokenProvider = () => Task.FromResult<string?>(token);
            }
        })
        .Build();

    /// <summary>Runs <paramref name="start"/> for each item, a few at a time, so set-up does not storm the host.</summary>
    public static async Task<List<T>> StartManyAsync<TIn, T>(IEnumerable<TIn> items, int parallel, Func<TIn, Task<T>> start)
    {
        var results = new List<T>();
        using var gate = new SemaphoreSlim(parallel);
        var tasks = items.Select(async item =>
        {
            await gate.WaitAsync();
            try
            {
                return await start(item);
            }
            finally
            {
                gate.Release();
            }
        }).ToList();
        results.AddRange(await Task.WhenAll(tasks));
        return results;
    }
}
