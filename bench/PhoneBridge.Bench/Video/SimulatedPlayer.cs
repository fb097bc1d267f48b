using System.Diagnostics;

namespace PhoneBridge.Bench.Video;

/// <summary>
/// A video player without pictures: where it is in the video at any <see cref="Stopwatch"/> moment.
/// Like a real one it runs slightly fast or slow (<c>clockError</c>, its media clock against the real
/// one), stalls for a moment after every seek while it buffers, and now and then stalls while playing
/// (a network hiccup), so it drifts and needs correcting.
/// </summary>
public sealed class SimulatedPlayer(double clockError)
{
    private readonly Lock _lock = new();
    private double _basePosition;
    private long _baseTicks;
    private long _stalledUntil;
    private double _rate = 1;
    private bool _playing;

    public bool Playing
    {
        get
        {
            lock (_lock)
            {
                return _playing;
            }
        }
    }

    /// <summary>Seconds into the video at <paramref name="ticks"/>.</summary>
    public double PositionAt(long ticks)
    {
        lock (_lock)
        {
            return PositionLocked(ticks);
        }
    }

    /// <summary>Jumps to <paramref name="position"/>; it shows that frame for <paramref name="stallSeconds"/> before it moves.</summary>
    public void Seek(double position, bool playing, double rate, long ticks, double stallSeconds)
    {
        lock (_lock)
        {
            _basePosition = position;
            _baseTicks = ticks;
            _stalledUntil = ticks + (long)(stallSeconds * Stopwatch.Frequency);
            _playing = playing;
            _rate = rate;
        }
    }

    /// <summary>Changes the playback rate from now on (a nudge), keeping the position.</summary>
    public void SetRate(double rate, long ticks)
    {
        lock (_lock)
        {
            Rebase(ticks);
            _rate = rate;
        }
    }

    /// <summary>Stops moving for <paramref name="stallSeconds"/> from now (buffering).</summary>
    public void Stall(long ticks, double stallSeconds)
    {
        lock (_lock)
        {
            Rebase(ticks);
            _stalledUntil = Math.Max(_stalledUntil, ticks + (long)(stallSeconds * Stopwatch.Frequency));
        }
    }

    private void Rebase(long ticks)
    {
        _basePosition = PositionLocked(ticks);
        _baseTicks = ticks;
    }

    private double PositionLocked(long ticks)
    {
        var from = Math.Max(_baseTicks, _stalledUntil);
        if (!_playing || ticks <= from)
        {
            return _basePosition;
        }

        return _basePosition + (double)(ticks - from) / Stopwatch.Frequency * _rate * (1 + clockError);
    }
}
