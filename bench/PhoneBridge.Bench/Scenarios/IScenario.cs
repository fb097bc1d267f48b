using PhoneBridge.Bench.Measuring;

namespace PhoneBridge.Bench.Scenarios;

/// <summary>One benchmark scenario of issue 5; it starts what it needs and stops it again.</summary>
public interface IScenario
{
    /// <summary>The name used on the command line, e.g. <c>ivr</c>.</summary>
    string Name { get; }

    /// <summary>Runs, writing progress to <paramref name="progress"/>, and returns its table rows.</summary>
    Task<IReadOnlyList<ResultRow>> RunAsync(BenchOptions options, TextWriter progress);
}
