namespace PhoneBridge.Bench.Hosting;

/// <summary>
/// The product logs every request to the console at Information (its default configuration); the
/// bench keeps that cost but sends the host's console output to a file, as a deployment sends
/// stdout to its log collector, and writes its own report to the real standard output.
/// </summary>
public sealed class HostLog : IDisposable
{
    private readonly StreamWriter _file;

    private HostLog(TextWriter report, StreamWriter file, string path)
    {
        Report = report;
        _file = file;
        Path = path;
    }

    /// <summary>The bench's own output (the process's standard output).</summary>
    public TextWriter Report { get; }

    public string Path { get; }

    public static HostLog Redirect()
    {
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"phonebridge-bench-{Environment.ProcessId}.log");
        var file = new StreamWriter(path, append: false) { AutoFlush = false };
        var report = Console.Out;
        Console.SetOut(TextWriter.Synchronized(file));
        return new HostLog(report, file, path);
    }

    public void Dispose()
    {
        Console.SetOut(Report);
        _file.Dispose();
    }
}
