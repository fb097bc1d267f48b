using System.Collections.Concurrent;

using Microsoft.Extensions.Logging;

namespace PhoneBridge.Tests.Twilio;

/// <summary>A logger provider that keeps every formatted message, to assert on what was (not) logged.</summary>
public sealed class TwilioLogLines : ILoggerProvider
{
    private readonly ConcurrentQueue<(string Category, EventId Id, string Message)> _entries = new();

    public IReadOnlyCollection<(string Category, EventId Id, string Message)> Entries => _entries;

    public ILogger CreateLogger(string categoryName) => new LineLogger(categoryName, _entries);

    public void Dispose()
    {
    }

    private sealed class LineLogger(string category, ConcurrentQueue<(string, EventId, string)> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            entries.Enqueue((category, eventId, formatter(state, exception)));
    }
}
