using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace PhoneBridge.Tests.Pins;

/// <summary>Keeps every log event (id and rendered message), to count what the store did and check what it wrote.</summary>
internal sealed class RecordingLogger : ILogger
{
    private readonly ConcurrentQueue<(int EventId, string Message)> _events = new();

    public IReadOnlyCollection<(int EventId, string Message)> Events => _events;

    public int Count(int eventId) => _events.Count(e => e.EventId == eventId);

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        _events.Enqueue((eventId.Id, formatter(state, exception)));
}
