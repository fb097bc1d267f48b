using System.ComponentModel;
using System.Diagnostics;
using System.Text;

namespace PhoneBridge.Bench.Hosting;

/// <summary>
/// The Node side of the fan-out scenario, <c>bench/socketio-peer</c>: found beside this project,
/// its packages installed with <c>npm ci</c> when <c>node_modules</c> is missing, its scripts run
/// as child processes with their output read by the harness.
/// </summary>
public static class NodeScripts
{
    public const string FolderName = "socketio-peer";

    /// <summary>
    /// The peer's folder, ready to run; null (and the reason on <paramref name="progress"/>) when
    /// Node.js is not installed.
    /// </summary>
    public static async Task<string?> PrepareAsync(TextWriter progress)
    {
        ArgumentNullException.ThrowIfNull(progress);
        var folder = Find() ?? throw new InvalidOperationException(
            $"bench/{FolderName} not found above {AppContext.BaseDirectory}.");
        string version;
        try
        {
            version = (await RunToEndAsync(folder, "node", ["--version"], TimeSpan.FromSeconds(30))).Trim();
        }
        catch (Win32Exception)
        {
            await progress.WriteLineAsync("  node is not installed: the Socket.IO peer is skipped (./test.sh installs Node.js)");
            return null;
        }

        if (!Directory.Exists(Path.Combine(folder, "node_modules")))
        {
            await progress.WriteLineAsync($"  npm ci in bench/{FolderName}");
            await RunToEndAsync(folder, "npm", ["ci", "--no-audit", "--no-fund", "--loglevel=error"], TimeSpan.FromMinutes(5));
        }

        await progress.WriteLineAsync($"  Socket.IO peer: node {version}, bench/{FolderName}");
        return folder;
    }

    /// <summary>Starts <c>node <paramref name="script"/></c> in <paramref name="folder"/>, its standard streams redirected.</summary>
    public static Process Start(string folder, string script, IEnumerable<string> args) =>
        Process.Start(Info(folder, "node", [script, .. args]))!;

    private static string? Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, FolderName);
            if (File.Exists(Path.Combine(candidate, "package.json")))
            {
                return candidate;
            }
        }

        return null;
    }

    private static async Task<string> RunToEndAsync(string folder, string command, string[] args, TimeSpan timeout)
    {
        using var process = Process.Start(Info(folder, command, args))!;
        process.StandardInput.Close();
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEndAsync();
        using var wait = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(wait.Token);
        }
        catch (OperationCanceledException)
        {
            ChildProcess.Kill(process);
            throw new TimeoutException($"{command} {string.Join(' ', args)} did not finish within {timeout.TotalSeconds:0} s.");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{command} {string.Join(' ', args)} exited with {process.ExitCode}: {await error}");
        }

        return await output;
    }

    private static ProcessStartInfo Info(string folder, string command, IEnumerable<string> args)
    {
        var info = new ProcessStartInfo(command)
        {
            WorkingDirectory = folder,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        return info;
    }
}
