using System.Globalization;
using FsCheck;
using Microsoft.FSharp.Core;

namespace PhoneBridge.Testing.Properties;

/// <summary>
/// FsCheck settings for properties checked with <c>Prop.ForAll(...).Check(...)</c>: a fixed number of
/// runs, a name for the failure message, and the replay seed from <c>FSCHECK_REPLAY</c> when set.
/// </summary>
public static class PropertyRuns
{
    /// <summary>The variable holding a seed FsCheck printed, e.g. <c>FSCHECK_REPLAY="8790120964452568423,3028643538977823959"</c>.</summary>
    public const string ReplayVariable = "FSCHECK_REPLAY";

    /// <summary>Throws on the first counterexample, after at most <paramref name="maxTest"/> runs.</summary>
    public static Config Config(int maxTest, string name)
    {
        var config = FsCheck.Config.QuickThrowOnFailure.WithMaxTest(maxTest).WithName(name);
        return Environment.GetEnvironmentVariable(ReplayVariable) is { Length: > 0 } replay
            ? config.WithReplay(FSharpOption<Replay>.Some(Parse(replay)))
            : config;
    }

    // "(seed,gamma)" or "seed,gamma", as FsCheck prints it after "Falsifiable".
    private static Replay Parse(string text)
    {
        var parts = text.Trim('(', ')', ' ').Split(',', StringSplitOptions.TrimEntries);
        return new Replay(
            new Rnd(ulong.Parse(parts[0], CultureInfo.InvariantCulture), ulong.Parse(parts[1], CultureInfo.InvariantCulture)),
            FSharpOption<int>.None);
    }
}
