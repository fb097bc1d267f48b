using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace PhoneBridge.Bench.Hosting;

/// <summary>
/// The Socket.IO server of <c>bench/socketio-peer/server.js</c> in a Node process on 127.0.0.1: the
/// Redis adapter and connection-state recovery on, one room per session, each relayed message
/// numbered and kept in a bounded per-session Redis list before the room's other members get it.
/// </summary>
public sealed class SocketIoPeer : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _errors = new();

    private SocketIoPeer(Process process, string folder)
    {
        _process = process;
        Folder = folder;
        _process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (_errors)
                {
                    _errors.AppendLine(e.Data);
                }
            }
        };
        _process.BeginErrorReadLine();
    }

    public string Folder { get; }

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>Starts the server against <paramref name="redisPort"/> on loopback; returns once it listens.</summary>
    public static async Task<SocketIoPeer> StartAsync(string folder, int redisPort)
    {
        var process = NodeScripts.Start(folder, "server.js",
            ["--redis", string.Create(CultureInfo.InvariantCulture, $"redis://127.0.0.1:{redisPort}"), "--port", "0"]);
        var peer = new SocketIoPeer(process, folder);
        try
        {
            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            while (true)
            {
                var line = await process.StandardOutput.ReadLineAsync(wait.Token)
                    ?? throw new InvalidOperationException($"The Socket.IO peer ended before it listened: {peer.Errors}");
                if (line.StartsWith("listening ", StringComparison.Ordinal))
                {
                    peer.BaseAddress = new Uri(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{int.Parse(line[10..], CultureInfo.InvariantCulture)}/"));
                    return peer;
                }
            }
        }
        catch
        {
            await peer.DisposeAsync();
            throw;
        }
    }

    /// <summary>The CPU time the server's process has used so far.</summary>
    public TimeSpan ProcessorTime
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    /// <summary>What the server wrote to its standard error so far.</summary>
    public string Errors
    {
        get
        {
            lock (_errors)
            {
                return _errors.ToString();
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        // It exits when its input closes, after closing its sockets and its Redis connections.
        await ChildProcess.EndAsync(_process, TimeSpan.FromSeconds(10));

        _process.Dispose();
    }
}
