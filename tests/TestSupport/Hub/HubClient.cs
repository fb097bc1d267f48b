using System.Net.WebSockets;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using PinCovisor.Web.Hub;

namespace PhoneBridge.Testing.Hub;

/// <summary>
/// The official .NET SignalR client on <c>/hubs/covisor</c> over a real WebSocket, recording what it
/// receives in <see cref="Events"/>. It rejoins its sessions with the last applied sequence number
/// whenever it reconnects, and can cut its own socket to simulate a dropped network.
/// </summary>
public sealed class HubClient : IAsyncDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private readonly HashSet<string> _joined = new(StringComparer.Ordinal);
    private readonly TaskCompletionSource<Exception?> _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private WebSocket? _socket;
    private int _reconnections;
    private int _replayed;

    private HubClient(
        Uri baseAddress, string? token, string? cookie, bool reconnect, string? origin, TimeSpan reconnectDelay, EventRecorder? events,
        bool record = false, Func<X509Certificate?, bool>? trustServer = null)
    {
        Events = events ?? new EventRecorder();
        var builder = new HubConnectionBuilder().WithUrl(new Uri(baseAddress, "hubs/covisor"), o =>
        {
            o.Transports = HttpTransportType.WebSockets;
            if (token is not null)
            {
                o.AccessTokenProvider = () => Task.FromResult<string?>(token);
            }

            if (cookie is not null)
            {
                o.Headers["Cookie"] = cookie;
            }

            if (origin is not null)
            {
                o.Headers["Origin"] = origin;
            }

            if (trustServer is not null)
            {
                o.HttpMessageHandlerFactory = handler =>
                {
                    ((HttpClientHandler)handler).ServerCertificateCustomValidationCallback = (_, presented, _, _) => trustServer(presented);
                    return handler;
                };
            }

            // Our own factory, only to keep hold of the socket so a test can kill it.
            o.WebSocketFactory = async (context, cancellationToken) =>
            {
                var socket = new ClientWebSocket();
                if (token is not null)
                {
                    socket.Options.SetRequestHeader("Authorization", "Bearer " + token);
                }

                if (cookie is not null)
                {
                    socket.Options.SetRequestHeader("Cookie", cookie);
                }

                if (origin is not null)
                {
                    socket.Options.SetRequestHeader("Origin", origin);
                }

                if (trustServer is not null)
                {
                    socket.Options.RemoteCertificateValidationCallback = (_, presented, _, _) => trustServer(presented);
                }

                await socket.ConnectAsync(context.Uri, cancellationToken);
                WebSocket kept = record ? new RecordingWebSocket(socket) : socket;
                _socket = kept;
                return kept;
            };
        });
        if (reconnect)
        {
            builder.WithAutomaticReconnect([reconnectDelay, TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(1)]);
        }

        Connection = builder.Build();
        Connection.On<CovisorEvent>(nameof(ICovisorClient.SessionEvent), Events.Receive);
        Connection.On<TypingSignal>(nameof(ICovisorClient.Typing), Events.Receive);
        Connection.On<PointerSignal>(nameof(ICovisorClient.PointerMoved), Events.Receive);
        Connection.Reconnected += RejoinAsync;
        Connection.Closed += e =>
        {
            _closed.TrySetResult(e);
            return Task.CompletedTask;
        };
    }

    // No hub has a method of this name.
    private const string ConnectionOpenedProbe = "ConnectionOpenedProbe";

    public HubConnection Connection { get; }

    public EventRecorder Events { get; }

    /// <summary>Events received as replays by rejoins after a reconnect (not by the first join).</summary>
    public int Replayed => Volatile.Read(ref _replayed);

    /// <summary>Times the connection came back after a drop.</summary>
    public int Reconnections => Volatile.Read(ref _reconnections);

    /// <summary>Completes when the connection closes for good, with the error that closed it, if any.</summary>
    public Task<Exception?> Closed => _closed.Task;

    /// <summary>Connects to the host's hub with a bearer token.</summary>
    /// <param name="baseAddress">The host's base address.</param>
    /// <param name="token">The agent's or customer's bearer token.</param>
    /// <param name="reconnect">Reconnect automatically (and rejoin with the last sequence number).</param>
    /// <param name="origin">An Origin header to send, as a browser would.</param>
    /// <param name="reconnectDelay">How long a dropped connection waits before its first reconnect attempt.</param>
    /// <param name="events">
    /// What an earlier connection of the same client applied, kept as the browser keeps its logs when it
    /// opens a new connection (say, to another host): joins then ask only for what came after.
    /// </param>
    /// <param name="trustServer">For an https address: which server certificates to accept (a proxy's self-signed one).</param>
    public static async Task<HubClient> ConnectAsync(
        Uri baseAddress, string token, bool reconnect = false, string? origin = null, TimeSpan reconnectDelay = default,
        EventRecorder? events = null, Func<X509Certificate?, bool>? trustServer = null)
    {
        var client = new HubClient(baseAddress, token, null, reconnect, origin, reconnectDelay, events, trustServer: trustServer);
        await client.StartAsync();
        return client;
    }

    /// <summary>Connects with a bearer token and keeps every byte the server sends (<see cref="RawReceived"/>).</summary>
    public static async Task<HubClient> ConnectRecordingAsync(Uri baseAddress, string token)
    {
        var client = new HubClient(baseAddress, token, null, reconnect: false, null, default, null, record: true);
        await client.StartAsync();
        return client;
    }

    /// <summary>Connects as the agent console does: with its <c>pb_agent</c> cookie, no bearer token.</summary>
    /// <param name="baseAddress">The host's base address.</param>
    /// <param name="cookieHeader">The <c>Cookie</c> header the browser would send.</param>
    public static async Task<HubClient> ConnectWithCookieAsync(Uri baseAddress, string cookieHeader)
    {
        var client = new HubClient(baseAddress, null, cookieHeader, reconnect: false, null, default, null);
        await client.StartAsync();
        return client;
    }

    /// <summary>
    /// Connects, and returns once the hub has finished opening the connection. SignalR completes the
    /// client's start with the handshake, before the hub's <c>OnConnectedAsync</c> has put the
    /// connection in its groups; a push sent in between (say, a WhatsApp message right after an agent
    /// connects) would miss it. The hub dispatches a connection's first invocation only after
    /// <c>OnConnectedAsync</c>, so one invocation of a method that does not exist waits for exactly that.
    /// </summary>
    private async Task StartAsync()
    {
        await Connection.StartAsync().WaitAsync(Timeout);
        try
        {
            await Connection.InvokeCoreAsync(ConnectionOpenedProbe, []).WaitAsync(Timeout);
        }
        catch (HubException)
        {
            // "Method does not exist": the answer, not an error.
        }
        catch (Exception) when (Connection.State == Microsoft.AspNetCore.SignalR.Client.HubConnectionState.Disconnected)
        {
            // The hub refused the connection in OnConnectedAsync; Closed says why.
        }
    }

    /// <summary>Joins (or rejoins) a session after the last event applied, and applies the replay.</summary>
    public async Task<JoinResult> JoinAsync(string sessionId)
    {
        var result = await InvokeAsync<JoinResult>("JoinSession", sessionId, Events.LastSeq(sessionId));
        lock (_joined)
        {
            _joined.Add(sessionId);
        }

        Events.Replay(result);
        return result;
    }

    /// <summary>Calls a hub method and waits (with a timeout) for its result.</summary>
    public Task<T> InvokeAsync<T>(string method, params object?[] args) =>
        Connection.InvokeCoreAsync<T>(method, args).WaitAsync(Timeout);

    /// <summary>Calls a hub method without a result.</summary>
    public Task InvokeAsync(string method, params object?[] args) =>
        Connection.InvokeCoreAsync(method, args).WaitAsync(Timeout);

    /// <summary>Sends a chat message with a fresh message id; returns its sequence number.</summary>
    public Task<long> ChatAsync(string sessionId, string text) =>
        InvokeAsync<long>("SendChat", sessionId, Guid.NewGuid().ToString("N"), text);

    /// <summary>Every byte the server sent on the current socket, as text; empty unless connected with <see cref="ConnectRecordingAsync"/>.</summary>
    public string RawReceived => (_socket as RecordingWebSocket)?.Received ?? "";

    /// <summary>Aborts the WebSocket under the connection, as a dropped network would: no close handshake.</summary>
    public void KillSocket() => _socket?.Abort();

    public async ValueTask DisposeAsync()
    {
        try
        {
            await Connection.DisposeAsync().AsTask().WaitAsync(Timeout);
        }
        catch (TimeoutException)
        {
        }
    }

    private async Task RejoinAsync(string? connectionId)
    {
        string[] sessions;
        lock (_joined)
        {
            sessions = [.. _joined];
        }

        foreach (var sessionId in sessions)
        {
            // A long outage leaves a gap larger than one page: keep asking until it is closed.
            JoinResult result;
            do
            {
                result = await JoinAsync(sessionId);
                Interlocked.Add(ref _replayed, result.Events.Count);
            }
            while (result.HasMore);
        }

        Interlocked.Increment(ref _reconnections);
    }
}
