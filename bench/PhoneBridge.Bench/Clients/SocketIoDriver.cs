using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using PhoneBridge.Bench.Hosting;
using PhoneBridge.Bench.Measuring;
using PinCovisor.Web.Hub;

namespace PhoneBridge.Bench.Clients;

/// <summary>
/// The fan-out load on the Socket.IO peer, driven by <c>bench/socketio-peer/driver.js</c> through the
/// official socket.io-client in a Node process of its own: the same sessions, mix, rates and payloads
/// as the SignalR legs (handed to it from here), its send→receive samples in microseconds read back
/// into the same histogram.
/// </summary>
public static class SocketIoDriver
{
    /// <summary>
    /// Runs the load; writes to <paramref name="progress"/> what it measured and how much of a core the
    /// server and the driver used while it was recorded (Node runs each on one thread: near 100 % is saturated).
    /// </summary>
    public static async Task<FanOutResult> RunAsync(SocketIoPeer peer, int sessions, TimeSpan warmUp, TimeSpan measure, TextWriter progress)
    {
        ArgumentNullException.ThrowIfNull(peer);
        ArgumentNullException.ThrowIfNull(progress);
        var config = JsonSerializer.Serialize(new DriverConfig(
            sessions, warmUp.TotalSeconds, measure.TotalSeconds, FanOutLoad.DrawingPerSecond, FanOutLoad.ChatPerSecond,
            PairTraffic.StrokePoints, PairTraffic.StrokeColor, PairTraffic.StrokeWidth, PairTraffic.ChatText,
            EventKinds.StrokeAdded, EventKinds.ChatMessage), JsonSerializerOptions.Web);
        var output = Path.Combine(Path.GetTempPath(), $"phonebridge-socketio-{Environment.ProcessId}-{sessions}.json");
        using var process = NodeScripts.Start(peer.Folder, "driver.js", ["--url", peer.BaseAddress.ToString(), "--config", config, "--out", output]);
        process.StandardInput.Close();
        var error = process.StandardError.ReadToEndAsync();
        var serverCpu = ReadServerCpuAsync(process, peer);
        // Connecting takes about a second per hundred sessions here; the rest is the run and its drain.
        var timeout = warmUp + measure + TimeSpan.FromSeconds(60 + (sessions / 10.0));
        using var wait = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(wait.Token);
        }
        catch (OperationCanceledException)
        {
            ChildProcess.Kill(process);
            var said = await error;
            throw new TimeoutException(string.Create(CultureInfo.InvariantCulture,
                $"The Socket.IO driver did not finish within {timeout.TotalSeconds:0} s: {said}"));
        }

        var serverSeconds = await serverCpu;
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"The Socket.IO driver exited with {process.ExitCode}: {await error}{peer.Errors}");
        }

        var result = JsonSerializer.Deserialize<DriverResult>(await File.ReadAllTextAsync(output), JsonSerializerOptions.Web)!;
        File.Delete(output);
        if (result.ConnectFailures > 0)
        {
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
                $"The Socket.IO driver could not connect {result.ConnectFailures} of {sessions} sessions: {peer.Errors}"));
        }

        var latencies = new Latencies();
        foreach (var micros in result.Micros)
        {
            latencies.RecordMicroseconds(micros);
        }

        var measured = new FanOutResult(result.Sent, result.Failed, result.Received, TimeSpan.FromSeconds(result.ElapsedSeconds), latencies);
        await FanOutRun.ReportAsync("Socket.IO (redis-server)", sessions, measured, progress);
        await progress.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"  {"",-28} CPU while recorded: server {serverSeconds / result.ElapsedSeconds:P0}, driver {result.CpuSeconds / result.ElapsedSeconds:P0} of a core"));
        return measured;
    }

    // The server's CPU seconds between the driver's "measuring" and "measured" lines.
    private static async Task<double> ReadServerCpuAsync(Process driver, SocketIoPeer peer)
    {
        var from = TimeSpan.Zero;
        var used = double.NaN;
        while (await driver.StandardOutput.ReadLineAsync() is { } line)
        {
            if (line == "measuring")
            {
                from = peer.ProcessorTime;
            }
            else if (line == "measured")
            {
                used = (peer.ProcessorTime - from).TotalSeconds;
            }
        }

        return used;
    }

    private sealed record DriverConfig(
        int Sessions, double WarmUpSeconds, double MeasureSeconds, int DrawingPerSecond, int ChatPerSecond,
        IReadOnlyList<double> StrokePoints, string StrokeColor, int StrokeWidth, string ChatText, string StrokeKind, string ChatKind);

    private sealed record DriverResult(
        long Sent, long Failed, long Received, double ElapsedSeconds, double CpuSeconds, int ConnectFailures, long[] Micros);
}
