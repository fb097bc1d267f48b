using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace PhoneBridge.Testing.Redis;

/// <summary>
/// A throwaway <c>redis-server</c> on a loopback port: with no persistence (<see cref="Start"/>), or
/// with an append-only file in a temporary directory (<see cref="StartPersistent"/>) so a test can
/// stop it, crash it and start it again on the same port with its data.
/// </summary>
public sealed class RedisServerProcess : IDisposable
{
    private const int SigTerm = 15;

    private readonly string? _dataDirectory;
    private Process? _process;

    private RedisServerProcess(Process process, int port, string? dataDirectory)
    {
        _process = process;
        Port = port;
        _dataDirectory = dataDirectory;
    }

    public int Port { get; }

    public string ConnectionString => $"127.0.0.1:{Port},abortConnect=false";

    /// <summary>A server on a free port that keeps nothing on disk.</summary>
    public static RedisServerProcess Start()
    {
        for (var attempt = 0; ; attempt++)
        {
            var port = Web.LoopbackPorts.Unused();
            if (Launch(port, null) is { } process)
            {
                return new RedisServerProcess(process, port, null);
            }

            if (attempt >= 3)
            {
                throw new InvalidOperationException($"redis-server did not listen on 127.0.0.1:{port}.");
            }
        }
    }

    /// <summary>
    /// A server with <c>appendonly yes</c> and <c>appendfsync everysec</c> in a new temporary
    /// directory (deleted on dispose), on <paramref name="port"/> or a free one.
    /// </summary>
    public static RedisServerProcess StartPersistent(int port = 0)
    {
        var directory = Directory.CreateTempSubdirectory("redis-aof-").FullName;
        for (var attempt = 0; ; attempt++)
        {
            var chosen = port != 0 ? port : Web.LoopbackPorts.Unused();
            if (Launch(chosen, directory) is { } process)
            {
                return new RedisServerProcess(process, chosen, directory);
            }

            if (port != 0 || attempt >= 3)
            {
                Directory.Delete(directory, recursive: true);
                throw new InvalidOperationException($"redis-server did not listen on 127.0.0.1:{chosen}.");
            }
        }
    }

    /// <summary>Stops the server as an orchestrator would (SIGTERM): it flushes its append-only file and exits.</summary>
    public void Stop()
    {
        var process = Running();
        if (Kill(process.Id, SigTerm) != 0)
        {
            throw new InvalidOperationException($"Could not signal redis-server (errno {Marshal.GetLastPInvokeError()}).");
        }

        if (!process.WaitForExit(10_000))
        {
            throw new InvalidOperationException("redis-server did not exit within 10 s of SIGTERM.");
        }

        Dispose(process);
    }

    /// <summary>Kills the server outright (SIGKILL), as a crash or an OOM kill would: no last flush.</summary>
    public void Crash()
    {
        var process = Running();
        process.Kill();
        process.WaitForExit(10_000);
        Dispose(process);
    }

    /// <summary>Starts the stopped server again on the same port, with the same data directory.</summary>
    public void StartAgain()
    {
        if (_process is not null)
        {
            throw new InvalidOperationException("redis-server is still running.");
        }

        _process = Launch(Port, _dataDirectory)
            ?? throw new InvalidOperationException($"redis-server did not listen again on 127.0.0.1:{Port}.");
    }

    public void Dispose()
    {
        if (_process is { } process)
        {
            Dispose(process);
        }

        if (_dataDirectory is not null && Directory.Exists(_dataDirectory))
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
    }

    private Process Running() => _process ?? throw new InvalidOperationException("redis-server is not running.");

    /// <summary>Kills (if still running) and forgets the process.</summary>
    private void Dispose(Process process)
    {
        KillProcess(process);
        _process = null;
    }

    /// <summary>
    /// One node of a Redis Cluster: <c>cluster-enabled</c>, its cluster bus on <paramref name="busPort"/>,
    /// its node file in <paramref name="directory"/>, nothing else kept on disk; null when it did not listen.
    /// </summary>
    internal static RedisServerProcess? StartClusterNode(int port, int busPort, string directory)
    {
        var invariant = System.Globalization.CultureInfo.InvariantCulture;
        return Launch(port, null,
            [
                "--cluster-enabled", "yes", "--cluster-port", busPort.ToString(invariant),
                "--cluster-config-file", Path.Combine(directory, $"nodes-{port.ToString(invariant)}.conf"),
                "--dir", directory, "--cluster-node-timeout", "5000",
            ]) is { } process
            ? new RedisServerProcess(process, port, null)
            : null;
    }

    /// <summary>Starts redis-server on <paramref name="port"/>; null (and nothing left running) when it did not listen.</summary>
    private static Process? Launch(int port, string? dataDirectory, string[]? extra = null)
    {
        var executable = Environment.GetEnvironmentVariable("REDIS_SERVER") ?? "redis-server";
        var info = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        string[] persistence = dataDirectory is null
            ? ["--appendonly", "no"]
            : ["--appendonly", "yes", "--appendfsync", "everysec", "--dir", dataDirectory];
        foreach (var arg in new[] { "--bind", "127.0.0.1", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--save", "" }
            .Concat(persistence).Concat(extra ?? []).Append("--protected-mode").Append("yes"))
        {
            info.ArgumentList.Add(arg);
        }

        Process process;
        try
        {
            process = Process.Start(info) ?? throw new InvalidOperationException("redis-server did not start.");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException(
                "redis-server is not installed; run ./test.sh, which installs it.", e);
        }

        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (WaitUntilListening(port, process, TimeSpan.FromSeconds(10)))
        {
            return process;
        }

        KillProcess(process);
        return null;
    }

    private static bool WaitUntilListening(int port, Process process, TimeSpan timeout)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < timeout && !process.HasExited)
        {
            try
            {
                using var client = new TcpClient();
                client.Connect(IPAddress.Loopback, port);
                return true;
            }
            catch (SocketException)
            {
                Thread.Sleep(50);
            }
        }

        return false;
    }

    private static void KillProcess(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit(5000);
            }
        }
        catch (InvalidOperationException)
        {
        }

        process.Dispose();
    }

    // .NET's Process.Kill only sends SIGKILL; a graceful stop needs SIGTERM.
    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int Kill(int pid, int signal);
}
