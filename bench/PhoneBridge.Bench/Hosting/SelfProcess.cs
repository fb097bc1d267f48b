using System.Diagnostics;

namespace PhoneBridge.Bench.Hosting;

/// <summary>This program started again as a child process, for the parts that must not share its heap.</summary>
public static class SelfProcess
{
    /// <summary>A start info that runs this program (under <c>dotnet</c> when that is how it runs) with <paramref name="args"/>.</summary>
    public static ProcessStartInfo With(params string[] args)
    {
        var self = Environment.ProcessPath!;
        var info = new ProcessStartInfo(self)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        if (Path.GetFileNameWithoutExtension(self) == "dotnet")
        {
            info.ArgumentList.Add(typeof(SelfProcess).Assembly.Location);
        }

        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        return info;
    }
}
