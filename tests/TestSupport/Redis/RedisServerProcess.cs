using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace PhoneBridge.Testing.Redis;

/// <summary>A throwaway <c>redis-server</c> on a free loopback port, with no persistence.</summary>
public sealed class RedisServerProcess : IDisposable
{
    private readonly Process _process;

    private RedisServerProcess(Process process, int port)
    {
        _process = process;
        Port = port;
    }

    public int Port { get; }

    public string ConnectionString => $"127.0.0.1:{Port},abortConnect=false";

    public static RedisServerProcess Start()
    {
        var executable = Environment.GetEnvironmentVariable("REDIS_SERVER") ?? "redis-server";
        for (var attempt = 0; ; attempt++)
        {
            var port = Web.LoopbackPorts.Unused();
            var info = new ProcessStartInfo(executable)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var arg in new[]
            {
                "--bind", "127.0.0.1", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                "--save", "", "--appendonly", "no", "--protected-mode", "yes",
            })
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
                return new RedisServerProcess(process, port);
            }

            Kill(process);
            if (attempt >= 3)
            {
                throw new InvalidOperationException($"redis-server did not listen on 127.0.0.1:{port}.");
            }
        }
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


    private static void Kill(Process process)
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

    public void Dispose() => Kill(_process);
}
