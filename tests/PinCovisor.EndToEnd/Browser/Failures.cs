using PhoneBridge.Testing.Web;

namespace PinCovisor.EndToEnd.Browser;

/// <summary>
/// Runs a browser scenario; on failure, a last screenshot of everyone shows where it stopped, and
/// the pages' problems so far and the host's latest warnings and errors often say why.
/// </summary>
public static class Failures
{
    public static async Task RecordingAsync(Screenshots shots, ITestOutputHelper output, PinCovisorHost host, Func<Task> scenario)
    {
        ArgumentNullException.ThrowIfNull(shots);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(scenario);
        try
        {
            await scenario();
        }
        catch
        {
            foreach (var problem in shots.Roles.SelectMany(role => role.Problems.All))
            {
                output.WriteLine(problem);
            }

            foreach (var line in host.Logs.Lines.Where(l => l.StartsWith("Warning", StringComparison.Ordinal) || l.StartsWith("Error", StringComparison.Ordinal)).TakeLast(30))
            {
                output.WriteLine($"[host] {line}");
            }

            await shots.TakeAsync("failed");
            throw;
        }
    }
}
