using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace PhoneBridge.Bench.Clients;

/// <summary>
/// Idle hub connections held by a second process (this program with <c>hold-connections</c>), so the
/// host's memory holds only the server's side of them. The list file has one connection a line:
/// <c>hub URL, tab, bearer token or -, tab, method, tab, argument</c> (what to call once connected:
/// <c>JoinSession</c> with the session, or the echo hub's <c>Join</c> with a group), straight over a
/// WebSocket without the negotiate request, so each connection is one socket. The child connects
/// the first <c>warm</c> lines, prints <c>warm</c>, waits for a line on its input, connects the rest,
/// prints <c>ready &lt;connected&gt; &lt;failed&gt; &lt;seconds&gt;</c>, and exits when its input closes.
/// </summary>
public sealed class HeldConnections : IAsyncDisposable
{
    public const string Command = "hold-connections";

    private readonly Process _process;

    private HeldConnections(Process process) => _process = process;

    /// <summary>Starts the child; returns once it holds the warm-up connections.</summary>
    public static async Task<HeldConnections> StartAsync(string listFile, int warm)
    {
        var info = Hosting.SelfProcess.With(Command, listFile, warm.ToString(CultureInfo.InvariantCulture));
        var held = new HeldConnections(Process.Start(info)!);
        await held.ExpectAsync("warm");
        return held;
    }

    /// <summary>Connects the rest; returns (connected, failed, seconds).</summary>
    public async Task<(int Connected, int Failed, double Seconds)> ConnectRestAsync()
    {
        await _process.StandardInput.WriteLineAsync("go");
        await _process.StandardInput.FlushAsync();
        var parts = (await ExpectAsync("ready")).Split(' ');
        return (int.Parse(parts[1], CultureInfo.InvariantCulture), int.Parse(parts[2], CultureInfo.InvariantCulture),
            double.Parse(parts[3], CultureInfo.InvariantCulture));
    }

    public async ValueTask DisposeAsync()
    {
        await Hosting.ChildProcess.EndAsync(_process, TimeSpan.FromSeconds(20));

        _process.Dispose();
    }

    private async Task<string> ExpectAsync(string word)
    {
        while (true)
        {
            var line = await _process.StandardOutput.ReadLineAsync()
                ?? throw new InvalidOperationException($"The connection holder ended before saying '{word}'.");
            if (line.StartsWith(word, StringComparison.Ordinal))
            {
                return line;
            }
        }
    }

    /// <summary>The child's side (<c>hold-connections &lt;list&gt; &lt;warm&gt;</c>).</summary>
    public static async Task<int> HoldAsync(string listFile, int warm)
    {
        var lines = await File.ReadAllLinesAsync(listFile);
        var held = new List<HubConnection>();
        var failed = 0;
        async Task ConnectAsync(IEnumerable<string> batch)
        {
            var connected = await ClientConnections.StartManyAsync(batch, 16, async line =>
            {
                var cells = line.Split('\t');
                var connection = ClientConnections.Build(new Uri(cells[0]), cells[1] == "-" ? null : cells[1], skipNegotiation: true);
                try
                {
                    await connection.StartAsync();
                    await connection.InvokeCoreAsync(cells[2], typeof(object), cells[2] == "JoinSession" ? [cells[3], 0L] : [cells[3]]);
                    return connection;
                }
                catch (Exception e) when (e is HttpRequestException or InvalidOperationException or HubException or IOException)
                {
                    Interlocked.Increment(ref failed);
                    await connection.DisposeAsync();
                    return null;
                }
            });
            held.AddRange(connected.OfType<HubConnection>());
        }

        await ConnectAsync(lines.Take(warm));
        Console.WriteLine("warm");
        _ = Console.ReadLine();
        var clock = Stopwatch.StartNew();
        await ConnectAsync(lines.Skip(warm));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ready {held.Count} {failed} {clock.Elapsed.TotalSeconds:0.0}"));
        while (Console.ReadLine() is not null)
        {
        }

        return 0;
    }
}
