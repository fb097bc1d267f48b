using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.SignalR.Client;
using PhoneBridge.Bench.Clients;
using PhoneBridge.Bench.Hosting;
using PhoneBridge.Bench.Measuring;
using PhoneBridge.Testing.Sessions;
using PhoneBridge.Testing.Web;
using PinCovisor.Web.Hub;

namespace PhoneBridge.Bench.Scenarios;

/// <summary>
/// Scenario 2: a call's PIN to a connected customer. Each round: the signed voice webhook issues a
/// PIN (timed), the agent answers (Twilio's whisper binds them; not timed: it happens on the agent's
/// leg), then the caller's part is timed — <c>POST /api/join</c>, hub connect (negotiate and
/// WebSocket), and the first hub answer (<c>JoinSession</c>: the waiting room with the agent's name).
/// The agent's console hearing <c>participant.joined</c> is timed from the join too. Each round then
/// ends its call with the signed status callback (untimed), so live PINs do not pile up. Same-run floor:
/// the bare endpoint plus a connect and first call on the bare echo hub.
/// </summary>
public sealed class JoinScenario : IScenario
{
    public const string Title = "2 Join";

    public string Name => "join";

    public async Task<IReadOnlyList<ResultRow>> RunAsync(BenchOptions options, TextWriter progress)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(progress);
        var workers = options.Pick(1, 2);
        var duration = options.Seconds(1.2, 30);

        Latencies floor;
        await using (var bareHost = BenchHost.Start())
        await using (var echo = await EchoHost.StartAsync())
        {
            using var bareHttp = LoopbackHttp.For(bareHost.BaseAddress);
            var bare = new Webhook(bareHttp);
            var run = await Load.ClosedAsync(workers, duration, async () =>
            {
                await bare.PostAsync(BenchHost.BarePath);
                await using var connection = ClientConnections.Build(new Uri(echo.BaseAddress, EchoHost.HubPath), null);
                await connection.StartAsync();
                await connection.InvokeAsync("Join", "g");
            });
            floor = run.Latencies;
        }

        await using var host = BenchHost.Start();
        using var http = LoopbackHttp.For(host.BaseAddress);
        var twilio = new TwilioCaller(http);
        var hub = new Uri(host.BaseAddress, "hubs/covisor");
        var heard = new ConcurrentDictionary<string, long>(StringComparer.Ordinal);
        await using var agent = ClientConnections.Build(hub, await SessionSeeder.AgentTokenAsync(host, "ana"));
        agent.On<CovisorEvent>(nameof(ICovisorClient.SessionEvent), e =>
        {
            if (e.Kind == EventKinds.ParticipantJoined)
            {
                heard.TryAdd(e.SessionId, Stopwatch.GetTimestamp());
            }
        });
        await agent.StartAsync();

        var voice = new Latencies();
        var join = new Latencies();
        var connect = new Latencies();
        var first = new Latencies();
        var caller = new Latencies();
        var total = new Latencies();
        var agentHeard = new Latencies();
        async Task RoundAsync()
        {
            var start = Stopwatch.GetTimestamp();
            var call = await Caller.CallAsync(twilio);
            var spoken = Stopwatch.GetTimestamp();
            voice.RecordTicks(spoken - start);
            await Caller.AnswerAsync(twilio, call.CallSid);

            var typed = Stopwatch.GetTimestamp();
            var joined = await new SessionsApi(http).JoinedAsync(call.Pin, "Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X)");
            var afterJoin = Stopwatch.GetTimestamp();
            join.RecordTicks(afterJoin - typed);
            await using var customer = ClientConnections.Build(hub, joined.Token);
            await customer.StartAsync();
            var afterConnect = Stopwatch.GetTimestamp();
            connect.RecordTicks(afterConnect - afterJoin);
            var answer = await customer.InvokeAsync<JoinResult>("JoinSession", joined.SessionId, 0L);
            var done = Stopwatch.GetTimestamp();
            if (answer.Agent?.DisplayName != "Ana")
            {
                throw new InvalidOperationException($"The customer was not told the agent's name (admission {answer.Admission}).");
            }

            first.RecordTicks(done - afterConnect);
            caller.RecordTicks(done - typed);
            total.RecordTicks(spoken - start + (done - typed));
            for (var i = 0; i < 100 && !heard.ContainsKey(joined.SessionId); i++)
            {
                await Task.Delay(10);
            }

            if (heard.TryRemove(joined.SessionId, out var at))
            {
                agentHeard.RecordTicks(at - typed);
            }

            // Untimed: the caller hangs up, so live PINs and calls stay at the number of callers.
            await Caller.StatusAsync(twilio, call.CallSid, "completed");
        }

        await Load.ClosedAsync(1, options.Seconds(0.4, 3), RoundAsync); // warm-up
        foreach (var l in new[] { voice, join, connect, first, caller, total, agentHeard })
        {
            l.Reset();
        }

        var result = (await Load.ClosedAsync(workers, duration, RoundAsync)).EnsureMeasured("join rounds");
        var f = floor.Summary();
        var c = caller.Summary();
        await progress.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"  {result.Completed} rounds by {workers} callers, {result.Failed} failed; floor p99 {f.P99:0.00} ms"));
        foreach (var (name, l) in new[] { ("voice webhook", voice), ("POST /api/join", join), ("hub connect", connect), ("first JoinSession", first), ("agent hears participant.joined", agentHeard) })
        {
            var s = l.Summary();
            await progress.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"  {name,-32} p50 {s.P50:0.00}  p95 {s.P95:0.00}  p99 {s.P99:0.00}  max {s.Max:0.00} ms"));
        }

        string Ratio(LatencySummary s) => string.Create(CultureInfo.InvariantCulture, $"p99 {s.P99 / f.P99:0.0}× floor");
        var floorText = string.Create(CultureInfo.InvariantCulture, $"bare POST + echo hub connect + call: p99 {f.P99:0.00} ms");
        return
        [
            new(Title, "PIN typed → joined → hub connected → first answer", result.PerSecond, c, floorText, Ratio(c), "p99 ≤ 50 ms"),
            new(Title, "call → PIN, then the same (sum per round)", result.PerSecond, total.Summary(), floorText, Ratio(total.Summary()), "–"),
            new(Title, "PIN typed → agent hears participant.joined", double.NaN, agentHeard.Summary(), "–", "–", "–"),
        ];
    }
}
