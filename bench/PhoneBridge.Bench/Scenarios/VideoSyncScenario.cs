using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.SignalR.Client;
using PhoneBridge.Bench.Clients;
using PhoneBridge.Bench.Hosting;
using PhoneBridge.Bench.Measuring;
using PhoneBridge.Bench.Video;
using PhoneBridge.Testing.Sessions;
using PinCovisor.Web.Hub;

namespace PhoneBridge.Bench.Scenarios;

/// <summary>
/// Scenario 7: sessions of three members (the agent and two customer devices) watching the shared
/// video on simulated players. Every member estimates its clock offset with <c>Clock()</c> and
/// applies the protocol's correction (seek beyond 100 ms, otherwise nudge the rate), checked every
/// 200 ms and on every <c>video.changed</c>. The agent seeks every few seconds. Measured: the spread
/// between members 0.5 s after each seek was sent (a member that has not applied it yet counts where
/// it is), how long the last member took to apply it, and each member's steady distance from
/// the server's timeline (from 1 s after a seek until the next). Same-run baseline: players on the
/// same devices fed the same events that only jump to each command's position, never correcting.
/// </summary>
public sealed class VideoSyncScenario : IScenario
{
    public const string Title = "7 Video sync";

    private const int MembersPerSession = 3;
    private const double TickSeconds = 0.2;
    private const double SampleSeconds = 0.05;
    private const double SettleSeconds = 1.0;
    private const double AfterSeekSeconds = 0.5;

    public string Name => "video";

    public async Task<IReadOnlyList<ResultRow>> RunAsync(BenchOptions options, TextWriter progress)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(progress);
        var sessionCount = options.Sessions > 0 ? options.Sessions : options.Pick(6, 60);
        var duration = options.Seconds(3.5, 60);
        var seekEvery = options.Seconds(1.5, 5);
        await using var host = BenchHost.Start();
        var hub = new Uri(host.BaseAddress, "hubs/covisor");

        var afterSeek = new Latencies();
        var afterSeekNaive = new Latencies();
        var seekDelivered = new Latencies();
        var drift = new Latencies();
        var driftNaive = new Latencies();
        var spreadSteady = new Latencies();

        var sessions = await ClientConnections.StartManyAsync(Enumerable.Range(0, sessionCount), 4, async i =>
        {
            var seeded = await SessionSeeder.SeedAsync(host);
            var (_, laptop) = await SessionSeeder.AddCustomerAsync(host, seeded.SessionId, device: "Firefox on Windows");
            var session = new SyncSession(seeded.SessionId);
            foreach (var token in new[] { seeded.AgentToken, seeded.CustomerToken, laptop })
            {
                var member = new VideoMember(ClientConnections.Build(hub, token),
                    wallClockError: (Random.Shared.NextDouble() * 2 - 1) * 3,
                    playerClockError: (Random.Shared.NextDouble() * 2 - 1) * 0.005);
                session.Members.Add(member);
                var own = session.Members.Count == 1;
                member.Connection.On<CovisorEvent>(nameof(ICovisorClient.SessionEvent), e =>
                {
                    if (SyncClock.IsVideo(e))
                    {
                        session.Arrived(member, SyncState.Read(e.Data), own, seekDelivered);
                    }
                });
                await member.Connection.StartAsync();
                await member.Connection.InvokeAsync<JoinResult>("JoinSession", seeded.SessionId, 0L);
                await member.EstimateOffsetAsync();
            }

            return session;
        });
        var clockRoundTrips = sessions.SelectMany(s => s.Members).Select(m => m.ClockRoundTripMs).Order().ToList();
        await progress.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"  {sessionCount} sessions × {MembersPerSession} members; Clock() best round trip median {clockRoundTrips[clockRoundTrips.Count / 2]:0.00} ms"));

        using var stop = new CancellationTokenSource();
        var measuring = 0;
        var seekers = sessions.Select(s => Task.Run(async () =>
        {
            await s.SeekAsync("load", 0, stall: Stall());
            try
            {
                await Task.Delay(TimeSpan.FromSeconds(Random.Shared.NextDouble() * seekEvery.TotalSeconds), stop.Token);
                using var timer = new PeriodicTimer(seekEvery);
                do
                {
                    await s.SeekAsync("seek", 10 + Random.Shared.NextDouble() * 280, Stall());
                }
                while (await timer.WaitForNextTickAsync(stop.Token));
            }
            catch (OperationCanceledException)
            {
            }
        })).ToList();

        var correcting = Task.Run(async () =>
        {
            using var timer = new PeriodicTimer(TimeSpan.FromSeconds(TickSeconds));
            try
            {
                while (await timer.WaitForNextTickAsync(stop.Token))
                {
                    var now = Stopwatch.GetTimestamp();
                    foreach (var member in sessions.SelectMany(s => s.Members))
                    {
                        // About once in 20 s of play a player stalls for a moment (the network).
                        if (Random.Shared.NextDouble() < TickSeconds / 20)
                        {
                            var hiccup = 0.15 + Random.Shared.NextDouble() * 0.25;
                            member.Corrected.Stall(now, hiccup);
                            member.Naive.Stall(now, hiccup);
                        }

                        member.Correct(now, Stall());
                    }
                }
            }
            catch (OperationCanceledException)
            {
            }
        });

        var sampling = Task.Run(async () =>
        {
            using var timer = new PeriodicTimer(TimeSpan.FromSeconds(SampleSeconds));
            try
            {
                while (await timer.WaitForNextTickAsync(stop.Token))
                {
                    if (Volatile.Read(ref measuring) == 0)
                    {
                        continue;
                    }

                    var now = Stopwatch.GetTimestamp();
                    foreach (var s in sessions)
                    {
                        s.SampleAfterSeek(now, AfterSeekSeconds, afterSeek, afterSeekNaive);
                        s.SampleSteady(now, SettleSeconds, drift, driftNaive, spreadSteady);
                    }
                }
            }
            catch (OperationCanceledException)
            {
            }
        });

        await Task.Delay(options.Seconds(0.8, 5)); // warm-up: everyone loaded and playing
        foreach (var l in new[] { afterSeek, afterSeekNaive, seekDelivered })
        {
            l.Reset();
        }

        Volatile.Write(ref measuring, 1);
        await Task.Delay(duration);
        await stop.CancelAsync();
        await Task.WhenAll(seekers.Append(correcting).Append(sampling));
        await Task.WhenAll(sessions.SelectMany(s => s.Members).Select(m => m.Connection.DisposeAsync().AsTask()));

        var a = afterSeek.Summary();
        var an = afterSeekNaive.Summary();
        var d = drift.Summary();
        var dn = driftNaive.Summary();
        var delivered = seekDelivered.Summary();
        await progress.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"  {a.Count} seeks: spread 0.5 s after p50 {a.P50:0.0} p95 {a.P95:0.0} max {a.Max:0.0} ms (naive p95 {an.P95:0.0}); " +
            $"seek→last member p95 {delivered.P95:0.0} ms; steady drift p95 {d.P95:0.0} ms (naive {dn.P95:0.0}), {d.Count} samples"));
        static string F(double v) => v.ToString("0.0", CultureInfo.InvariantCulture);
        return
        [
            new(Title, $"{sessionCount} sessions × {MembersPerSession}: spread between members 0.5 s after a seek (ms)", double.NaN, a,
                $"same events, naive players: p95 {F(an.P95)} ms", $"p95 {F(a.P95 / an.P95)}× naive", "p95 ≤ 250 ms"),
            new(Title, "steady drift: each member from the server's timeline (ms)", double.NaN, d,
                $"naive players: p95 {F(dn.P95)} ms", $"p95 {F(d.P95 / dn.P95)}× naive", "p95 ≤ 100 ms"),
            new(Title, "steady spread between members (ms)", double.NaN, spreadSteady.Summary(), "–", "–", "–"),
            new(Title, "seek sent → last member applied it (ms)", double.NaN, delivered, "–", "–", "–"),
        ];
    }

    /// <summary>How long a player shows the new frame before it moves after a seek (buffering), 20–80 ms.</summary>
    private static double Stall() => 0.02 + Random.Shared.NextDouble() * 0.06;

    /// <summary>One session's members, the server's latest state and the seek in flight.</summary>
    private sealed class SyncSession(string sessionId)
    {
        private readonly Lock _lock = new();
        private SyncState? _server;
        private long _lastSeekTicks;
        private double _pendingPosition = double.NaN;
        private long _pendingSent;
        private int _pendingApplied;
        private bool _pendingSampled = true;

        public List<VideoMember> Members { get; } = [];

        /// <summary>The agent (first member) seeks its own player, then tells the others.</summary>
        public async Task SeekAsync(string action, double position, double stall)
        {
            var agent = Members[0];
            var now = Stopwatch.GetTimestamp();
            lock (_lock)
            {
                _pendingPosition = position;
                _pendingSent = now;
                _pendingApplied = 0;
                _pendingSampled = action != "seek";
                _lastSeekTicks = now;
            }

            agent.Command(new SyncState(action, position, 1, true, default), now, stall);
            await agent.Connection.InvokeAsync<long>("ControlVideo", sessionId,
                new VideoCommand(action, BenchHost.VideoId, position, 1, true));
        }

        public void Arrived(VideoMember member, SyncState state, bool own, Latencies delivered)
        {
            var now = Stopwatch.GetTimestamp();
            member.Apply(state, now, Stall(), own);
            lock (_lock)
            {
                _server = state;
                // The agent applied its own seek when it sent it; the others count as they apply it.
                if (own || state.Position != _pendingPosition || ++_pendingApplied < Members.Count - 1)
                {
                    return;
                }

                delivered.RecordTicks(now - _pendingSent);
            }
        }

        /// <summary>Once per seek, <paramref name="afterSeconds"/> after it was sent: how far apart the members are.</summary>
        public void SampleAfterSeek(long now, double afterSeconds, Latencies afterSeek, Latencies afterSeekNaive)
        {
            lock (_lock)
            {
                if (_pendingSampled || (double)(now - _pendingSent) / Stopwatch.Frequency < afterSeconds)
                {
                    return;
                }

                _pendingSampled = true;
            }

            afterSeek.RecordMilliseconds(Spread(Members.Select(m => m.Corrected.PositionAt(now))));
            afterSeekNaive.RecordMilliseconds(Spread(Members.Select(m => m.Naive.PositionAt(now))));
        }

        public void SampleSteady(long now, double settleSeconds, Latencies drift, Latencies driftNaive, Latencies spread)
        {
            SyncState? server;
            lock (_lock)
            {
                if (_server is null || (double)(now - _lastSeekTicks) / Stopwatch.Frequency < settleSeconds)
                {
                    return;
                }

                server = _server;
            }

            var timeline = server.PositionAt(SyncClock.Utc(now));
            var positions = new List<double>(Members.Count);
            foreach (var member in Members)
            {
                var position = member.Corrected.PositionAt(now);
                positions.Add(position);
                drift.RecordMilliseconds(Math.Abs(position - timeline) * 1000);
                driftNaive.RecordMilliseconds(Math.Abs(member.Naive.PositionAt(now) - timeline) * 1000);
            }

            spread.RecordMilliseconds(Spread(positions));
        }

        private static double Spread(IEnumerable<double> positions)
        {
            var list = positions.ToList();
            return (list.Max() - list.Min()) * 1000;
        }
    }
}
