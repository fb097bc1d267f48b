using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PhoneBridge.Calls;
using PhoneBridge.Twilio.Rest;
using StackExchange.Redis;

namespace PhoneBridge.Tests.Calls;

/// <summary>One host's call store and the sweep's reconciler over it, on a test's clock, live index and Twilio.</summary>
internal sealed record SweepingHost(RedisCallStore Calls, CallReconciler Reconciler)
{
    /// <summary>A live index of the test's own, so tests sharing a server (each on its own clock) do not sweep each other's calls.</summary>
    public static RedisKey NewIndex() => $"pb:{{calls-test}}:live:{RandomNumberGenerator.GetHexString(16, lowercase: true)}";

    public static SweepingHost Create(
        IConnectionMultiplexer redis, TimeProvider clock, RedisKey index, CallOptions options, ITwilioCalls twilio, ILogger logger)
    {
        var store = new RedisCallStore(redis, Options.Create(options), clock, logger, index);
        return new(store, new CallReconciler(store, twilio, Options.Create(options), clock, logger));
    }

    /// <summary>One sweep: the ends it hands over to be told.</summary>
    public async Task<IReadOnlyList<CallRecord>> SweepAsync() => await Reconciler.SweepAsync().WaitAsync(TestCalls.Timeout);
}

/// <summary>Keeps the lines of the host's own ends (events 1309, after silence, and 1311, as Twilio reported) of every store given it.</summary>
internal sealed class EndsLogger : ILogger
{
    private readonly ConcurrentQueue<(int Id, string Line)> _lines = new();

    public IReadOnlyCollection<string> Lines => [.. _lines.Select(l => l.Line)];

    public IEnumerable<string> AfterSilence => _lines.Where(l => l.Id == 1309).Select(l => l.Line);

    public IEnumerable<string> AsReported => _lines.Where(l => l.Id == 1311).Select(l => l.Line);

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (eventId.Id is 1309 or 1311)
        {
            _lines.Enqueue((eventId.Id, formatter(state, exception)));
        }
    }
}
