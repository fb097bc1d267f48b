using System.Diagnostics;
using System.Reflection;
using System.Runtime.ExceptionServices;
using StackExchange.Redis;

namespace PinCovisor.Web.Hub;

/// <summary>
/// SignalR's Redis backplane on the host's own Redis connection. SignalR subscribes its channels once,
/// right after its connection factory returns: given a connection of its own that was still
/// connecting (a host that booted before its Redis), those subscriptions could be lost and live
/// pushes with them, while request/answer and replay went on working. Here it gets the host's
/// connection, and only once that connection's subscriber link is up; until then the factory fails
/// and SignalR asks again with the next hub connection.
/// </summary>
internal static class HubBackplane
{
    private static readonly TimeSpan SubscriberWait = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(50);

    /// <summary>SignalR's <c>ConnectionFactory</c>: <paramref name="redis"/>, once its subscriber link is up.</summary>
    public static async Task<IConnectionMultiplexer> ConnectAsync(IConnectionMultiplexer redis)
    {
        var waited = Stopwatch.StartNew();
        while (!redis.GetSubscriber().IsConnected())
        {
            if (waited.Elapsed >= SubscriberWait)
            {
                throw new RedisConnectionException(ConnectionFailureType.UnableToConnect,
                    "Redis is not reachable: the hub's backplane subscribes once it is.");
            }

            await Task.Delay(Poll).ConfigureAwait(false);
        }

        return Lent.Wrap(redis);
    }

    /// <summary>
    /// The host's connection as SignalR holds it: SignalR disposes the connection it was given when
    /// the host stops, and this one belongs to the host.
    /// </summary>
    internal class Lent : DispatchProxy
    {
        private IConnectionMultiplexer _owner = null!;

        public static IConnectionMultiplexer Wrap(IConnectionMultiplexer owner)
        {
            var lent = Create<IConnectionMultiplexer, Lent>();
            ((Lent)(object)lent)._owner = owner;
            return lent;
        }

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
        {
            ArgumentNullException.ThrowIfNull(targetMethod);
            switch (targetMethod.Name)
            {
                case nameof(IDisposable.Dispose):
                    return null;
                case nameof(IAsyncDisposable.DisposeAsync):
                    return ValueTask.CompletedTask;
            }

            try
            {
                return targetMethod.Invoke(_owner, args);
            }
            catch (TargetInvocationException e) when (e.InnerException is { } inner)
            {
                ExceptionDispatchInfo.Throw(inner);
                throw;
            }
        }
    }
}
