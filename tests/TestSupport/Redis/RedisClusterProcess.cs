using System.Diagnostics;
using System.Globalization;
using StackExchange.Redis;

namespace PhoneBridge.Testing.Redis;

/// <summary>
/// A three-node Redis Cluster of throwaway <c>redis-server</c> processes on loopback, each primary for
/// a third of the 16,384 slots and none with a replica: what a shop's smallest cluster looks like to
/// the client. A multi-key command or script whose keys do not share a slot fails on it as it would in
/// production: the client refuses to send it, and a node answers <c>CROSSSLOT</c>.
/// </summary>
public sealed class RedisClusterProcess : IDisposable
{
    private const int Slots = 16384;
    private static readonly TimeSpan FormTimeout = TimeSpan.FromSeconds(30);

    private readonly string _directory;
    private readonly List<RedisServerProcess> _nodes;

    private RedisClusterProcess(string directory, List<RedisServerProcess> nodes)
    {
        _directory = directory;
        _nodes = nodes;
    }

    /// <summary>Every node, as a client lists them (it would find the others from any one).</summary>
    public string ConnectionString =>
        string.Join(",", _nodes.Select(n => $"127.0.0.1:{n.Port.ToString(CultureInfo.InvariantCulture)}")) + ",abortConnect=false";

    /// <summary>Starts three nodes, gives each its slots, introduces them, and returns once every node says the cluster is ok.</summary>
    public static RedisClusterProcess Start()
    {
        var directory = Directory.CreateTempSubdirectory("redis-cluster-").FullName;
        var nodes = new List<RedisServerProcess>();
        try
        {
            var busPorts = new List<int>();
            for (var attempt = 0; nodes.Count < 3; attempt++)
            {
                if (attempt >= 10)
                {
                    throw new InvalidOperationException("redis-server did not start as a cluster node on a free loopback port.");
                }

                var (port, busPort) = (Web.LoopbackPorts.Unused(), Web.LoopbackPorts.Unused());
                if (port != busPort && RedisServerProcess.StartClusterNode(port, busPort, directory) is { } node)
                {
                    nodes.Add(node);
                    busPorts.Add(busPort);
                }
            }

            // Off the caller's synchronization context: this runs inside a Lazy, from a test.
            Task.Run(() => FormAsync(nodes, busPorts)).GetAwaiter().GetResult();
            return new RedisClusterProcess(directory, nodes);
        }
        catch
        {
            nodes.ForEach(n => n.Dispose());
            Directory.Delete(directory, recursive: true);
            throw;
        }
    }

    public void Dispose()
    {
        _nodes.ForEach(n => n.Dispose());
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    private static async Task FormAsync(List<RedisServerProcess> nodes, List<int> busPorts)
    {
        var admins = new List<ConnectionMultiplexer>();
        try
        {
            foreach (var node in nodes)
            {
                // One node at a time, as an operator's tool talks to each: no cluster discovery yet.
                admins.Add(await ConnectionMultiplexer.ConnectAsync(
                    $"127.0.0.1:{node.Port.ToString(CultureInfo.InvariantCulture)},allowAdmin=true,connectTimeout=5000").WaitAsync(FormTimeout));
            }

            var servers = admins.Select(a => a.GetServer(a.GetEndPoints()[0])).ToList();
            for (var i = 0; i < servers.Count; i++)
            {
                var first = Slots * i / servers.Count;
                var last = (Slots * (i + 1) / servers.Count) - 1;
                await servers[i].ExecuteAsync("CLUSTER", "ADDSLOTSRANGE", first, last).WaitAsync(FormTimeout);
            }

            for (var i = 1; i < servers.Count; i++)
            {
                await servers[0].ExecuteAsync("CLUSTER", "MEET", "127.0.0.1", nodes[i].Port, busPorts[i]).WaitAsync(FormTimeout);
            }

            var clock = Stopwatch.StartNew();
            while (true)
            {
                var ready = 0;
                foreach (var server in servers)
                {
                    var info = (string?)await server.ExecuteAsync("CLUSTER", "INFO").WaitAsync(FormTimeout) ?? "";
                    if (info.Contains("cluster_state:ok", StringComparison.Ordinal)
                        && info.Contains($"cluster_known_nodes:{servers.Count.ToString(CultureInfo.InvariantCulture)}", StringComparison.Ordinal))
                    {
                        ready++;
                    }
                }

                if (ready == servers.Count)
                {
                    return;
                }

                if (clock.Elapsed > FormTimeout)
                {
                    throw new InvalidOperationException($"The Redis Cluster did not form within {FormTimeout.TotalSeconds} s.");
                }

                await Task.Delay(100);
            }
        }
        finally
        {
            foreach (var admin in admins)
            {
                await admin.DisposeAsync();
            }
        }
    }
}
