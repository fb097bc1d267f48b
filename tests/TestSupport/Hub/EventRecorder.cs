using PinCovisor.Web.Hub;

namespace PhoneBridge.Testing.Hub;

/// <summary>
/// Records what a hub client receives and applies it as a well-behaved client must: per session,
/// in sequence order, each event once (live pushes and replays overlap; live pushes from several
/// hosts may arrive out of order). Waits are awaitable and always time out.
/// </summary>
public sealed class EventRecorder
{
    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

    private readonly Lock _lock = new();
    private readonly Dictionary<string, SessionArrivals> _sessions = new(StringComparer.Ordinal);
    private readonly List<CovisorEvent> _arrivals = [];
    private readonly List<TypingSignal> _typing = [];
    private readonly List<PointerSignal> _pointers = [];
    private TaskCompletionSource _changed = NewSignal();

    /// <summary>Every event as it arrived, live or replayed, duplicates included.</summary>
    public IReadOnlyList<CovisorEvent> Arrivals
    {
        get
        {
            lock (_lock)
            {
                return [.. _arrivals];
            }
        }
    }

    public IReadOnlyList<TypingSignal> Typing
    {
        get
        {
            lock (_lock)
            {
                return [.. _typing];
            }
        }
    }

    public IReadOnlyList<PointerSignal> Pointers
    {
        get
        {
            lock (_lock)
            {
                return [.. _pointers];
            }
        }
    }

    /// <summary>The session's events applied so far: in order, once each.</summary>
    public IReadOnlyList<CovisorEvent> Applied(string sessionId)
    {
        lock (_lock)
        {
            return _sessions.TryGetValue(sessionId, out var log) ? [.. log.Applied] : [];
        }
    }

    /// <summary>The last sequence number applied for the session (what to send when rejoining).</summary>
    public long LastSeq(string sessionId)
    {
        lock (_lock)
        {
            return _sessions.TryGetValue(sessionId, out var log) ? log.LastSeq : 0;
        }
    }

    /// <summary>A live push.</summary>
    public void Receive(CovisorEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        lock (_lock)
        {
            _arrivals.Add(e);
            Log(e.SessionId).Offer(e);
        }

        Signal();
    }

    /// <summary>A JoinSession answer: the replayed gap.</summary>
    public void Replay(JoinResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        lock (_lock)
        {
            var log = Log(result.SessionId);
            if (result.Reset)
            {
                log.Reset();
            }

            foreach (var e in result.Events)
            {
                _arrivals.Add(e);
                log.Offer(e);
            }
        }

        Signal();
    }

    public void Receive(TypingSignal signal)
    {
        lock (_lock)
        {
            _typing.Add(signal);
        }

        Signal();
    }

    public void Receive(PointerSignal signal)
    {
        lock (_lock)
        {
            _pointers.Add(signal);
        }

        Signal();
    }

    /// <summary>Waits until the session's applied events satisfy <paramref name="condition"/>.</summary>
    public Task<IReadOnlyList<CovisorEvent>> WaitForAsync(
        string sessionId, Func<IReadOnlyList<CovisorEvent>, bool> condition, TimeSpan? timeout = null) =>
        WaitAsync(() => Applied(sessionId), condition, timeout);

    /// <summary>Waits until at least <paramref name="count"/> events of the session are applied.</summary>
    public Task<IReadOnlyList<CovisorEvent>> WaitForCountAsync(string sessionId, int count, TimeSpan? timeout = null) =>
        WaitForAsync(sessionId, events => events.Count >= count, timeout);

    /// <summary>Waits for the first applied event of a kind (optionally matching) and returns it.</summary>
    public async Task<CovisorEvent> WaitForKindAsync(string sessionId, string kind, Func<CovisorEvent, bool>? match = null, TimeSpan? timeout = null)
    {
        var events = await WaitForAsync(sessionId, applied => applied.Any(e => e.Kind == kind && (match?.Invoke(e) ?? true)), timeout);
        return events.First(e => e.Kind == kind && (match?.Invoke(e) ?? true));
    }

    /// <summary>Waits until anything recorded satisfies <paramref name="condition"/>.</summary>
    public async Task<T> WaitAsync<T>(Func<T> read, Func<T, bool> condition, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(read);
        ArgumentNullException.ThrowIfNull(condition);
        var deadline = DateTime.UtcNow + (timeout ?? DefaultTimeout);
        while (true)
        {
            Task changed;
            lock (_lock)
            {
                changed = _changed.Task;
            }

            var value = read();
            if (condition(value))
            {
                return value;
            }

            var remaining = deadline - DateTime.UtcNow;
            if (remaining <= TimeSpan.Zero)
            {
                throw new TimeoutException($"The hub client did not receive what was expected in time; it has {value}.");
            }

            try
            {
                await changed.WaitAsync(remaining);
            }
            catch (TimeoutException)
            {
                // Checked once more at the top of the loop, then reported with what was received.
            }
        }
    }

    private SessionArrivals Log(string sessionId)
    {
        if (!_sessions.TryGetValue(sessionId, out var log))
        {
            log = new SessionArrivals();
            _sessions[sessionId] = log;
        }

        return log;
    }

    private void Signal()
    {
        TaskCompletionSource previous;
        lock (_lock)
        {
            previous = _changed;
            _changed = NewSignal();
        }

        previous.TrySetResult();
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>One session's applied events plus those held back until the gap before them fills.</summary>
    private sealed class SessionArrivals
    {
        private readonly SortedDictionary<long, CovisorEvent> _held = [];

        public List<CovisorEvent> Applied { get; } = [];

        public long LastSeq { get; private set; }

        public void Offer(CovisorEvent e)
        {
            if (e.Seq <= LastSeq)
            {
                return;
            }

            _held[e.Seq] = e;
            while (_held.Remove(LastSeq + 1, out var next))
            {
                Applied.Add(next);
                LastSeq = next.Seq;
            }
        }

        public void Reset()
        {
            Applied.Clear();
            _held.Clear();
            LastSeq = 0;
        }
    }
}
