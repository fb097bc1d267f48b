using System.Diagnostics;
using System.Globalization;
using PhoneBridge.Bench.Clients;
using PhoneBridge.Bench.Hosting;
using PhoneBridge.Bench.Measuring;
using PhoneBridge.Bench.Swarm;
using PhoneBridge.Testing.Sessions;

namespace PhoneBridge.Bench.Scenarios;

/// <summary>
/// Security, measured: 100 clients, each at its own address, guess PINs at <c>POST /api/join</c>
/// for a simulated day against the published throttle (10 failures per client per 10 minutes, a
/// global budget of 1,000 failures a day past which nobody is let in without the agent), while a
/// shop keeps 5 calls in progress. Time is compressed <see cref="Compression"/>-fold: every window
/// and lifetime is divided by it, so one real second is ten simulated minutes. A second leg with
/// 4-digit PINs gets enough hits to check the measured hits against the expected ones; a third has
/// every address fire <see cref="BurstGuessers"/> guesses at once, as a script with parallel requests
/// would, to check that bursts get no more judgements than the limit.
/// </summary>
public sealed class GuessingSwarmScenario : IScenario
{
    public const string Title = "8 Guessing swarm";

    /// <summary>Simulated seconds per real second: the 10-minute client window becomes 1 s.</summary>
    public const int Compression = 600;

    private const int Clients = 100;
    private const int BurstGuessers = 20;
    private const int CallsInProgress = 5;
    private const int FailuresPerWindow = 10;
    private static readonly TimeSpan ClientWindow = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan PinLifetime = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan CallLength = TimeSpan.FromMinutes(5);

    public string Name => "swarm";

    public async Task<IReadOnlyList<ResultRow>> RunAsync(BenchOptions options, TextWriter progress)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(progress);
        return
        [
            await LegAsync(length: 6, perAddress: 1, simulated: options.Quick ? TimeSpan.FromHours(1) : TimeSpan.FromDays(1), progress),
            await LegAsync(length: 4, perAddress: 1, simulated: options.Quick ? TimeSpan.FromHours(1) : TimeSpan.FromHours(6), progress),
            await LegAsync(length: 6, perAddress: BurstGuessers, simulated: options.Quick ? TimeSpan.FromHours(1) : TimeSpan.FromHours(6), progress),
        ];
    }

    private static async Task<ResultRow> LegAsync(int length, int perAddress, TimeSpan simulated, TextWriter progress)
    {
        await using var host = BenchHost.Start(settings: new Dictionary<string, string?>
        {
            ["Pins:Length"] = length.ToString(CultureInfo.InvariantCulture),
            ["Pins:Lifetime"] = Compressed(PinLifetime).ToString("c", CultureInfo.InvariantCulture),
            ["Join:Admission"] = "Auto",
            ["Join:FailureWindow"] = Compressed(ClientWindow).ToString("c", CultureInfo.InvariantCulture),
            ["Join:GlobalWindow"] = Compressed(TimeSpan.FromDays(1)).ToString("c", CultureInfo.InvariantCulture),
            // Each attacker's address arrives in X-Forwarded-For from loopback, named a proxy here.
            ["ForwardedHeaders:KnownProxies:0"] = "127.0.0.1",
        });
        using var http = LoopbackHttp.For(host.BaseAddress);
        var shop = new ShopCalls(http, length, CallsInProgress, Compressed(CallLength));
        var tally = new SwarmTally();
        var real = Compressed(simulated);
        using var stop = new CancellationTokenSource(real);

        var calls = shop.RunAsync(stop.Token);
        await WaitForLiveAsync(shop);
        var livePinSeconds = 0.0;
        var sampler = SampleAsync(shop, seconds => livePinSeconds += seconds, stop.Token);
        var clock = Stopwatch.StartNew();
        var guessers = Enumerable.Range(0, Clients).SelectMany(i =>
        {
            var api = new SessionsApi(http, $"10.66.{i / 250}.{(i % 250) + 1}");
            var address = new AddressWindow();
            return Enumerable.Range(0, perAddress).Select(_ =>
                new Guesser(api, address, length, Compressed(ClientWindow), shop, tally).RunAsync(stop.Token));
        });
        await Task.WhenAll(guessers);
        var seconds = clock.Elapsed.TotalSeconds;
        await Task.WhenAll(calls, sampler);

        var meanLive = livePinSeconds / seconds;
        var space = Math.Pow(10, length);
        var expected = tally.Attempts * meanLive / space;
        var ceiling = Clients * FailuresPerWindow * (simulated / ClientWindow);
        var days = simulated / TimeSpan.FromDays(1);
        await progress.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"  {length}-digit PINs, {perAddress} guesser(s) per address, {simulated.TotalHours:0.#} simulated h in {seconds:0.0} s: {tally.Attempts} guesses " +
            $"({tally.Attempts / days:0} a day; throttle ceiling {ceiling / days:0} a day), {tally.Throttled} answered 429, " +
            $"{tally.Hits} PINs hit (expected {expected:0.00} at {meanLive:0.00} live PINs), {tally.Admitted} let in without the agent, " +
            $"{tally.Other} other answers; {shop.Placed} calls, {shop.Longer} of them with a longer PIN"));
        if (tally.Other > 0)
        {
            throw new InvalidOperationException($"{tally.Other} guesses got an answer other than 404, 429 or a join.");
        }

        return new ResultRow(Title,
            string.Create(CultureInfo.InvariantCulture,
                $"{Clients} clients{(perAddress > 1 ? $" × {perAddress} in parallel" : "")}, {simulated.TotalHours:0.#} simulated h, {length}-digit PINs, {meanLive:0.0} live"),
            tally.Attempts / seconds, tally.Latencies.Summary(),
            string.Create(CultureInfo.InvariantCulture, $"throttle ceiling {ceiling:0} guesses"),
            string.Create(CultureInfo.InvariantCulture,
                $"{tally.Attempts} guesses ({tally.Attempts / ceiling:0.00}× ceiling), {tally.Hits} hits (expected {expected:0.00}), {tally.Admitted} without the agent"),
            "≤ ceiling; odds in security.md");
    }

    private static TimeSpan Compressed(TimeSpan simulated) => simulated / Compression;

    private static async Task WaitForLiveAsync(ShopCalls shop)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (shop.Live < CallsInProgress)
        {
            await Task.Delay(10, timeout.Token);
        }
    }

    private static async Task SampleAsync(ShopCalls shop, Action<double> addLivePinSeconds, CancellationToken until)
    {
        var last = Stopwatch.GetTimestamp();
        while (!until.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(10, until);
            }
            catch (OperationCanceledException)
            {
            }

            var now = Stopwatch.GetTimestamp();
            addLivePinSeconds(shop.Live * Stopwatch.GetElapsedTime(last, now).TotalSeconds);
            last = now;
        }
    }
}
