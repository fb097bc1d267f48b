namespace PhoneBridge.Bench;

/// <summary>What the command line asked for.</summary>
/// <param name="Quick">Small and short: every scenario in well under a minute, as a smoke check.</param>
/// <param name="Sessions">Hub fan-out sessions (agent + customer each); 0 picks the default for the mode.</param>
/// <param name="Heap">Scenario 4 also lists the types each held connection leaves on the heap.</param>
public sealed record BenchOptions(bool Quick, int Sessions, bool Heap = false)
{
    /// <summary>A duration that is <paramref name="quick"/> seconds in a quick run and <paramref name="full"/> otherwise.</summary>
    public TimeSpan Seconds(double quick, double full) => TimeSpan.FromSeconds(Quick ? quick : full);

    public int Pick(int quick, int full) => Quick ? quick : full;
}
