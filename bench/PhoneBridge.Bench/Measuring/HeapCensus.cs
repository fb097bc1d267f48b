using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using Microsoft.Diagnostics.Runtime;
using PhoneBridge.Bench.Hosting;

namespace PhoneBridge.Bench.Measuring;

/// <summary>
/// The live objects of a process by type, read by a child process that attaches to it with ClrMD
/// (the process is suspended meanwhile). Two censuses around an operation, divided by its count,
/// say which types it leaves behind and how many bytes of each: scenario 4's per-connection profile.
/// </summary>
public static class HeapCensus
{
    public const string Command = "heap-census";

    /// <summary>The child's side: writes "count bytes type" for every type on <paramref name="pid"/>'s heap.</summary>
    public static int Write(int pid, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        // Written only once the process runs again: it reads this output, and a full pipe would
        // otherwise wait on a reader that is suspended.
        foreach (var (name, (count, bytes)) in Read(pid))
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{count} {bytes} {name}"));
        }

        return 0;
    }

    private static Dictionary<string, (long Count, long Bytes)> Read(int pid)
    {
        using var target = DataTarget.AttachToProcess(pid, suspend: true);
        var dac = Path.Combine(RuntimeEnvironment.GetRuntimeDirectory(), "libmscordaccore.so");
        using var runtime = File.Exists(dac) ? target.ClrVersions[0].CreateRuntime(dac, ignoreMismatch: true) : target.ClrVersions[0].CreateRuntime();
        var types = new Dictionary<string, (long Count, long Bytes)>(StringComparer.Ordinal);
        foreach (var obj in runtime.Heap.EnumerateObjects())
        {
            if (!obj.IsValid || obj.IsFree)
            {
                continue;
            }

            var name = obj.Type?.Name ?? "?";
            types.TryGetValue(name, out var seen);
            types[name] = (seen.Count + 1, seen.Bytes + (long)obj.Size);
        }

        return types;
    }

    /// <summary>Takes a census of this process (its live objects only: collect first).</summary>
    public static async Task<IReadOnlyDictionary<string, (long Count, long Bytes)>> OfThisProcessAsync()
    {
        using var child = Process.Start(SelfProcess.With(Command, Environment.ProcessId.ToString(CultureInfo.InvariantCulture)))!;
        var census = new Dictionary<string, (long, long)>(StringComparer.Ordinal);
        while (await child.StandardOutput.ReadLineAsync() is { } line)
        {
            var parts = line.Split(' ', 3);
            census[parts[2]] = (long.Parse(parts[0], CultureInfo.InvariantCulture), long.Parse(parts[1], CultureInfo.InvariantCulture));
        }

        await child.WaitForExitAsync();
        return census;
    }

    /// <summary>The types that grew most between two censuses, per unit of <paramref name="per"/>.</summary>
    public static string Growth(
        IReadOnlyDictionary<string, (long Count, long Bytes)> before, IReadOnlyDictionary<string, (long Count, long Bytes)> after, int per, int top)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var rows = after
            .Select(kv => (Type: kv.Key, Count: kv.Value.Count - before.GetValueOrDefault(kv.Key).Count, Bytes: kv.Value.Bytes - before.GetValueOrDefault(kv.Key).Bytes))
            .OrderByDescending(r => r.Bytes)
            .Take(top);
        return string.Join(Environment.NewLine, rows.Select(r => string.Create(CultureInfo.InvariantCulture,
            $"    {(double)r.Bytes / per,8:0} B {(double)r.Count / per,6:0.00}×  {r.Type}")));
    }
}
