using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using PinCovisor.Web.Hub;

namespace PhoneBridge.Bench.Video;

/// <summary>A video state as <c>video.changed</c> carries it (the server's clock in <see cref="ServerTime"/>).</summary>
public sealed record SyncState(string Action, double Position, double Rate, bool Playing, DateTimeOffset ServerTime)
{
    public static SyncState Read(JsonElement data) => new(
        data.GetProperty("action").GetString()!,
        data.GetProperty("position").GetDouble(),
        data.GetProperty("rate").GetDouble(),
        data.GetProperty("playing").GetBoolean(),
        data.GetProperty("serverTime").GetDateTimeOffset());

    /// <summary>Where playback should be when the clock this state is read by shows <paramref name="serverNow"/>.</summary>
    public double PositionAt(DateTimeOffset serverNow) =>
        Playing ? Position + (serverNow - ServerTime).TotalSeconds * Rate : Position;
}

/// <summary>
/// One member's device: a hub connection, a wall clock that is off by some seconds (as devices are),
/// the offset to the server's clock estimated with <c>Clock()</c> as docs/hub-protocol.md says, and
/// two players fed the same commands: <see cref="Corrected"/> applies the protocol's drift
/// correction, <see cref="Naive"/> only jumps to each command's position (the same-run baseline).
/// </summary>
public sealed class VideoMember
{
    /// <summary>Further from the expected position than this, the client seeks; nearer, it nudges its rate.</summary>
    public const double SeekBeyondSeconds = 0.100;

    private const double MaxNudge = 0.10;

    private readonly Lock _lock = new();
    private readonly double _wallClockError;
    private SyncState? _state;
    private double _offsetSeconds;

    public VideoMember(HubConnection connection, double wallClockError, double playerClockError)
    {
        Connection = connection;
        _wallClockError = wallClockError;
        Corrected = new SimulatedPlayer(playerClockError);
        Naive = new SimulatedPlayer(playerClockError);
    }

    public HubConnection Connection { get; }

    public SimulatedPlayer Corrected { get; }

    public SimulatedPlayer Naive { get; }

    /// <summary>The round trip of the <c>Clock()</c> sample kept, in ms.</summary>
    public double ClockRoundTripMs { get; private set; }

    /// <summary>This device's wall clock at a Stopwatch moment.</summary>
    public DateTimeOffset WallClock(long ticks) => SyncClock.Utc(ticks).AddSeconds(_wallClockError);

    /// <summary>Calls <c>Clock()</c> a few times and keeps the sample with the shortest round trip.</summary>
    public async Task EstimateOffsetAsync(int samples = 5)
    {
        var best = double.MaxValue;
        for (var i = 0; i < samples; i++)
        {
            var sent = Stopwatch.GetTimestamp();
            var server = await Connection.InvokeAsync<DateTimeOffset>("Clock");
            var received = Stopwatch.GetTimestamp();
            var roundTrip = (double)(received - sent) / Stopwatch.Frequency;
            if (roundTrip < best)
            {
                best = roundTrip;
                var middle = WallClock(sent).AddSeconds(roundTrip / 2);
                _offsetSeconds = (server - middle).TotalSeconds;
            }
        }

        ClockRoundTripMs = best * 1000;
    }

    /// <summary>The state this member plays to, as its own estimate of the server's clock reads it.</summary>
    public double ExpectedAt(long ticks)
    {
        lock (_lock)
        {
            return _state is null ? double.NaN : _state.PositionAt(WallClock(ticks).AddSeconds(_offsetSeconds));
        }
    }

    /// <summary>The member's own command, applied at once (before the server's echo, if any).</summary>
    public void Command(SyncState state, long ticks, double stallSeconds)
    {
        lock (_lock)
        {
            _state = state with { ServerTime = WallClock(ticks).AddSeconds(_offsetSeconds) };
            Corrected.Seek(state.Position, state.Playing, state.Rate, ticks, stallSeconds);
            Naive.Seek(state.Position, state.Playing, state.Rate, ticks, stallSeconds);
        }
    }

    /// <summary>A <c>video.changed</c> arrived: the naive player jumps to its position; the other corrects.</summary>
    public void Apply(SyncState state, long ticks, double stallSeconds, bool own)
    {
        lock (_lock)
        {
            _state = state;
            if (!own)
            {
                Naive.Seek(state.Position, state.Playing, state.Rate, ticks, stallSeconds);
            }

            CorrectLocked(ticks, stallSeconds);
        }
    }

    /// <summary>The periodic check a client makes while playing (seek if far, otherwise nudge the rate).</summary>
    public void Correct(long ticks, double stallSeconds)
    {
        lock (_lock)
        {
            CorrectLocked(ticks, stallSeconds);
        }
    }

    private void CorrectLocked(long ticks, double stallSeconds)
    {
        if (_state is null)
        {
            return;
        }

        var expected = _state.PositionAt(WallClock(ticks).AddSeconds(_offsetSeconds));
        var error = Corrected.PositionAt(ticks) - expected;
        if (!_state.Playing)
        {
            if (Math.Abs(error) > SeekBeyondSeconds / 10 || Corrected.Playing)
            {
                Corrected.Seek(expected, playing: false, _state.Rate, ticks, 0);
            }
        }
        else if (Math.Abs(error) > SeekBeyondSeconds)
        {
            Corrected.Seek(expected, playing: true, _state.Rate, ticks, stallSeconds);
        }
        else
        {
            // Catch up (or wait) over about a second, never more than ±10 % off the commanded rate.
            Corrected.SetRate(_state.Rate * (1 - Math.Clamp(error, -MaxNudge, MaxNudge)), ticks);
        }
    }
}

/// <summary>Stopwatch moments as UTC, fixed once so every member and the sampler agree exactly.</summary>
public static class SyncClock
{
    private static readonly long OriginTicks = Stopwatch.GetTimestamp();
    private static readonly DateTimeOffset OriginUtc = DateTimeOffset.UtcNow;

    public static DateTimeOffset Utc(long ticks) =>
        OriginUtc.AddTicks((ticks - OriginTicks) * TimeSpan.TicksPerSecond / Stopwatch.Frequency);

    public static bool IsVideo(CovisorEvent e) => e.Kind == EventKinds.Video;
}
