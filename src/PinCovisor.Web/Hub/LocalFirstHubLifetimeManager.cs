using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Protocol;
using Microsoft.AspNetCore.SignalR.StackExchangeRedis;

namespace PinCovisor.Web.Hub;

/// <summary>
/// SignalR's Redis backplane, with a group's members on this host served at once. The backplane alone
/// sends every group message through Redis and back, even to a group whose members are all here: the
/// publish, then its arrival on this host's subscription, one more Redis round trip before anyone sees
/// it. Here the members connected to this host are written to directly, and the message is then
/// published for the other hosts with those members excluded, so each member still gets it once.
/// </summary>
/// <remarks>
/// <para>
/// A send returns once this host's members have it; the publish for the other hosts is not waited
/// for, so a sender's next message (the hub runs one call per connection at a time) does not queue
/// behind Redis's answer. Publishes leave in the order they were made, on the host's one connection.
/// One that fails is logged (2318): the event is in the log already, and the other hosts' clients
/// fill the gap from it at the next event or reconnect, as after any missed push.
/// </para>
/// <para>
/// Group changes must be made on the connection's own host, which is what the hub does: a connection
/// joins and leaves its groups in its own calls, and <see cref="HubControl"/> has each host act on its
/// own connections. Messages to one connection already go straight to it when it is here (the backplane
/// does that itself); messages to everyone or to users go through the backplane unchanged.
/// </para>
/// </remarks>
/// <param name="backplane">SignalR's own, which the container owns and disposes.</param>
/// <param name="logger">For publishes that failed.</param>
internal sealed class LocalFirstHubLifetimeManager<THub>(
    RedisHubLifetimeManager<THub> backplane, ILogger<LocalFirstHubLifetimeManager<THub>> logger) : HubLifetimeManager<THub>
    where THub : Microsoft.AspNetCore.SignalR.Hub
{
    private readonly HubConnectionStore _connections = new();
    private readonly LocalGroups _groups = new();

    public override async Task OnConnectedAsync(HubConnectionContext connection)
    {
        await backplane.OnConnectedAsync(connection).ConfigureAwait(false);
        _connections.Add(connection);
    }

    public override async Task OnDisconnectedAsync(HubConnectionContext connection)
    {
        _connections.Remove(connection);
        _groups.RemoveConnection(connection.ConnectionId);
        await backplane.OnDisconnectedAsync(connection).ConfigureAwait(false);
    }

    public override async Task AddToGroupAsync(string connectionId, string groupName, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connectionId);
        ArgumentNullException.ThrowIfNull(groupName);
        // Into the backplane first: a message published in between reaches the connection through it,
        // and once it is in the local group too, later ones come straight.
        await backplane.AddToGroupAsync(connectionId, groupName, cancellationToken).ConfigureAwait(false);
        if (_connections[connectionId] is { } connection)
        {
            _groups.Add(groupName, connection);
            if (_connections[connectionId] is null)
            {
                // It disconnected in between, and its clean-up may have run before the add.
                _groups.RemoveConnection(connectionId);
            }
        }
    }

    public override async Task RemoveFromGroupAsync(string connectionId, string groupName, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connectionId);
        ArgumentNullException.ThrowIfNull(groupName);
        // Out of the local group first, so nothing sent from here reaches it once this returns.
        _groups.Remove(groupName, connectionId);
        await backplane.RemoveFromGroupAsync(connectionId, groupName, cancellationToken).ConfigureAwait(false);
    }

    public override Task SendGroupAsync(string groupName, string methodName, object?[] args, CancellationToken cancellationToken = default) =>
        SendGroupExceptAsync(groupName, methodName, args, [], cancellationToken);

    public override async Task SendGroupsAsync(IReadOnlyList<string> groupNames, string methodName, object?[] args, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(groupNames);
        var message = Serialized(methodName, args);
        var sends = new Task[groupNames.Count];
        for (var i = 0; i < groupNames.Count; i++)
        {
            sends[i] = SendAsync(groupNames[i], methodName, args, [], message, cancellationToken);
        }

        await Task.WhenAll(sends).ConfigureAwait(false);
    }

    public override Task SendGroupExceptAsync(
        string groupName, string methodName, object?[] args, IReadOnlyList<string> excludedConnectionIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(groupName);
        ArgumentNullException.ThrowIfNull(excludedConnectionIds);
        var message = Serialized(methodName, args);
        return SendAsync(groupName, methodName, args, excludedConnectionIds, message, cancellationToken);
    }

    public override Task SendAllAsync(string methodName, object?[] args, CancellationToken cancellationToken = default) =>
        backplane.SendAllAsync(methodName, args, cancellationToken);

    public override Task SendAllExceptAsync(
        string methodName, object?[] args, IReadOnlyList<string> excludedConnectionIds, CancellationToken cancellationToken = default) =>
        backplane.SendAllExceptAsync(methodName, args, excludedConnectionIds, cancellationToken);

    public override Task SendConnectionAsync(string connectionId, string methodName, object?[] args, CancellationToken cancellationToken = default) =>
        backplane.SendConnectionAsync(connectionId, methodName, args, cancellationToken);

    public override Task SendConnectionsAsync(
        IReadOnlyList<string> connectionIds, string methodName, object?[] args, CancellationToken cancellationToken = default) =>
        backplane.SendConnectionsAsync(connectionIds, methodName, args, cancellationToken);

    public override Task SendUserAsync(string userId, string methodName, object?[] args, CancellationToken cancellationToken = default) =>
        backplane.SendUserAsync(userId, methodName, args, cancellationToken);

    public override Task SendUsersAsync(IReadOnlyList<string> userIds, string methodName, object?[] args, CancellationToken cancellationToken = default) =>
        backplane.SendUsersAsync(userIds, methodName, args, cancellationToken);

    public override Task<T> InvokeConnectionAsync<T>(string connectionId, string methodName, object?[] args, CancellationToken cancellationToken) =>
        backplane.InvokeConnectionAsync<T>(connectionId, methodName, args, cancellationToken);

    public override Task SetConnectionResultAsync(string connectionId, CompletionMessage result) =>
        backplane.SetConnectionResultAsync(connectionId, result);

    public override bool TryGetReturnType(string invocationId, [NotNullWhen(true)] out Type? type) =>
        backplane.TryGetReturnType(invocationId, out type);

    /// <summary>The invocation, serialized once per protocol at the first local member, or never when none is here.</summary>
    private static Lazy<SerializedHubMessage> Serialized(string methodName, object?[] args) =>
        new(() => new SerializedHubMessage(new InvocationMessage(methodName, args)));

    private async Task SendAsync(
        string groupName, string methodName, object?[] args, IReadOnlyList<string> excluded, Lazy<SerializedHubMessage> message,
        CancellationToken cancellationToken)
    {
        List<string>? served = null;
        List<Task>? writes = null;
        foreach (var (connectionId, connection) in _groups.Members(groupName))
        {
            if (excluded.Contains(connectionId))
            {
                continue;
            }

            (served ??= [.. excluded]).Add(connectionId);
            var write = connection.WriteAsync(message.Value, cancellationToken);
            if (!write.IsCompletedSuccessfully)
            {
                (writes ??= []).Add(write.AsTask());
            }
        }

        // The other hosts' members, and any of this host's that joined through the backplane alone.
        Observe(backplane.SendGroupExceptAsync(groupName, methodName, args, served ?? excluded, CancellationToken.None), groupName);
        if (writes is not null)
        {
            await Task.WhenAll(writes).ConfigureAwait(false);
        }
    }

    private void Observe(Task publish, string groupName)
    {
        if (publish.IsCompletedSuccessfully)
        {
            return;
        }

        publish.ContinueWith(
            (done, state) => HubLog.BackplanePublishFailed(logger, (string)state!, done.Exception!.GetBaseException().Message),
            groupName, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }

    /// <summary>
    /// This host's connections by group. Changes take one lock (they are rare: joins and leaves); sends
    /// read without it.
    /// </summary>
    private sealed class LocalGroups
    {
        private static readonly ConcurrentDictionary<string, HubConnectionContext> None = new();
        private readonly Lock _lock = new();
        private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, HubConnectionContext>> _members = new(StringComparer.Ordinal);
        private readonly Dictionary<string, HashSet<string>> _groupsOf = new(StringComparer.Ordinal);

        /// <summary>The group's members here; enumerating it takes no lock and copies nothing.</summary>
        public ConcurrentDictionary<string, HubConnectionContext> Members(string groupName) =>
            _members.TryGetValue(groupName, out var members) ? members : None;

        public void Add(string groupName, HubConnectionContext connection)
        {
            lock (_lock)
            {
                _members.GetOrAdd(groupName, _ => new(StringComparer.Ordinal))[connection.ConnectionId] = connection;
                if (!_groupsOf.TryGetValue(connection.ConnectionId, out var groups))
                {
                    _groupsOf[connection.ConnectionId] = groups = new(StringComparer.Ordinal);
                }

                groups.Add(groupName);
            }
        }

        public void Remove(string groupName, string connectionId)
        {
            lock (_lock)
            {
                RemoveMember(groupName, connectionId);
                if (_groupsOf.TryGetValue(connectionId, out var groups) && groups.Remove(groupName) && groups.Count == 0)
                {
                    _groupsOf.Remove(connectionId);
                }
            }
        }

        public void RemoveConnection(string connectionId)
        {
            lock (_lock)
            {
                if (!_groupsOf.Remove(connectionId, out var groups))
                {
                    return;
                }

                foreach (var groupName in groups)
                {
                    RemoveMember(groupName, connectionId);
                }
            }
        }

        private void RemoveMember(string groupName, string connectionId)
        {
            if (_members.TryGetValue(groupName, out var members) && members.TryRemove(connectionId, out _) && members.IsEmpty)
            {
                _members.TryRemove(groupName, out _);
            }
        }
    }
}
