using System.Diagnostics;
using System.Globalization;
using System.Runtime;
using System.Text;
using PhoneBridge.Bench.Clients;
using PhoneBridge.Bench.Hosting;
using PhoneBridge.Bench.Measuring;
using PhoneBridge.Testing.Sessions;

namespace PhoneBridge.Bench.Scenarios;

/// <summary>
/// Scenario 4: idle hub connections held open (sessions of an agent and a customer, each connection
/// joined to its session) by a second process, so this process holds only the server's side. Server
/// memory per connection = (after − before) / N, measured in this process after a full compacting
/// collection: the GC heap, and the working set (which also holds the embedded Garnet and native
/// buffers). Same-run baseline: as many connections held on the bare echo hub, each joined to a group.
/// </summary>
public sealed class ConnectionsHeldScenario : IScenario
{
    public const string Title = "4 Connections held";

    private const int Warm = 20;

    public string Name => "connections";

    public async Task<IReadOnlyList<ResultRow>> RunAsync(BenchOptions options, TextWriter progress)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(progress);
        var connections = options.Sessions > 0 ? options.Sessions * 2 : options.Pick(200, 10_000);
        var list = Path.Combine(Path.GetTempPath(), $"phonebridge-bench-held-{Environment.ProcessId}.txt");
        try
        {
            Memory echo;
            await using (var echoHost = await EchoHost.StartAsync())
            {
                var hub = new Uri(echoHost.BaseAddress, EchoHost.HubPath).ToString();
                await File.WriteAllLinesAsync(list, Enumerable.Range(0, connections + Warm).Select(i => $"{hub}\t-\tJoin\tg{i / 2}"));
                echo = await MeasureAsync("bare echo hub", list, connections, options, progress);
            }

            Memory covisor;
            await using (var host = BenchHost.Start())
            {
                var hub = new Uri(host.BaseAddress, "hubs/covisor").ToString();
                var seeded = await ClientConnections.StartManyAsync(Enumerable.Range(0, (connections + Warm) / 2), 8, _ => SessionSeeder.SeedAsync(host));
                await File.WriteAllLinesAsync(list, seeded.SelectMany(s => new[]
                {
                    $"{hub}\t{s.AgentToken}\tJoinSession\t{s.SessionId}",
                    $"{hub}\t{s.CustomerToken}\tJoinSession\t{s.SessionId}",
                }));
                covisor = await MeasureAsync("/hubs/covisor (Garnet)", list, connections, options, progress);
            }

            static string K(double bytes) => (bytes / 1024).ToString("0.0", CultureInfo.InvariantCulture);
            return
            [
                new(Title, $"{covisor.Connected} idle connections: GC heap per connection (KB)", covisor.PerSecond, null,
                    $"bare echo hub {K(echo.HeapPerConnection)} KB", string.Create(CultureInfo.InvariantCulture, $"{K(covisor.HeapPerConnection)} KB, {covisor.HeapPerConnection / echo.HeapPerConnection:0.0}× echo"),
                    "≤ 30 KB"),
                new(Title, $"{covisor.Connected} idle connections: working set per connection (KB)", double.NaN, null,
                    $"bare echo hub {K(echo.WorkingSetPerConnection)} KB", string.Create(CultureInfo.InvariantCulture, $"{K(covisor.WorkingSetPerConnection)} KB, {covisor.WorkingSetPerConnection / echo.WorkingSetPerConnection:0.0}× echo"),
                    "≤ 30 KB"),
            ];
        }
        finally
        {
            File.Delete(list);
        }
    }

    private sealed record Memory(int Connected, double PerSecond, double HeapPerConnection, double WorkingSetPerConnection);

    private static async Task<Memory> MeasureAsync(string label, string list, int connections, BenchOptions options, TextWriter progress)
    {
        await using var held = await HeldConnections.StartAsync(list, Warm);
        var (heapBefore, setBefore) = await ServerMemoryAsync();
        var censusBefore = options.Heap ? await HeapCensus.OfThisProcessAsync() : null;
        var (connected, failed, seconds) = await held.ConnectRestAsync();
        await Task.Delay(options.Seconds(0.5, 3)); // let the last handshakes and joins finish on the server
        var (heapAfter, setAfter) = await ServerMemoryAsync();
        var n = Math.Max(1, connected - Warm);
        if (censusBefore is not null)
        {
            var growth = HeapCensus.Growth(censusBefore, await HeapCensus.OfThisProcessAsync(), n, top: 30);
            await progress.WriteLineAsync($"  {label}: what each connection left on the heap (bytes, objects, type)");
            await progress.WriteLineAsync(growth);
        }

        var memory = new Memory(n, n / seconds, (double)(heapAfter - heapBefore) / n, (double)(setAfter - setBefore) / n);
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture,
            $"  {label,-24} {n} connections in {seconds:0.0} s ({failed} failed): GC heap {heapBefore / 1048576.0:0.0} → {heapAfter / 1048576.0:0.0} MB, ");
        text.Append(CultureInfo.InvariantCulture,
            $"working set {setBefore / 1048576.0:0.0} → {setAfter / 1048576.0:0.0} MB; per connection {memory.HeapPerConnection / 1024:0.0} KB heap, {memory.WorkingSetPerConnection / 1024:0.0} KB working set");
        await progress.WriteLineAsync(text.ToString());
        if (connections > 0 && failed > connections / 10)
        {
            throw new InvalidOperationException($"{failed} of {connections} connections failed.");
        }

        return memory;
    }

    /// <summary>This process's GC heap (live, after a full compacting collection) and working set, in bytes.</summary>
    private static async Task<(long Heap, long WorkingSet)> ServerMemoryAsync()
    {
        await Task.Delay(200);
        GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        using var self = Process.GetCurrentProcess();
        return (GC.GetTotalMemory(forceFullCollection: false), self.WorkingSet64);
    }
}
