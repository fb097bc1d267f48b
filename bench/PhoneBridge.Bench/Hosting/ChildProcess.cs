using System.Diagnostics;

namespace PhoneBridge.Bench.Hosting;

/// <summary>Ending the child processes the bench starts, which each exit when their input closes.</summary>
public static class ChildProcess
{
    /// <summary>Closes the child's input and waits up to <paramref name="grace"/> for it to exit, then kills it.</summary>
    public static async Task EndAsync(Process process, TimeSpan grace)
    {
        ArgumentNullException.ThrowIfNull(process);
        process.StandardInput.Close();
        using var wait = new CancellationTokenSource(grace);
        try
        {
            await process.WaitForExitAsync(wait.Token);
        }
        catch (OperationCanceledException)
        {
            Kill(process);
        }
    }

    /// <summary>Kills what is still running of <paramref name="process"/> and its children.</summary>
    public static void Kill(Process process)
    {
        ArgumentNullException.ThrowIfNull(process);
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
        }
    }
}
