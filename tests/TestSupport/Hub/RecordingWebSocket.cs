using System.Net.WebSockets;
using System.Text;

namespace PhoneBridge.Testing.Hub;

/// <summary>
/// A client WebSocket that keeps every byte the server sent, as text: what an outsider holding the
/// connection could read, before any client library parses it.
/// </summary>
public sealed class RecordingWebSocket(ClientWebSocket inner) : WebSocket
{
    private readonly Lock _lock = new();
    private readonly MemoryStream _received = new();

    /// <summary>Everything received so far, decoded as UTF-8 (SignalR's JSON protocol).</summary>
    public string Received
    {
        get
        {
            lock (_lock)
            {
                return Encoding.UTF8.GetString(_received.GetBuffer(), 0, (int)_received.Length);
            }
        }
    }

    public override WebSocketCloseStatus? CloseStatus => inner.CloseStatus;

    public override string? CloseStatusDescription => inner.CloseStatusDescription;

    public override WebSocketState State => inner.State;

    public override string? SubProtocol => inner.SubProtocol;

    public override void Abort() => inner.Abort();

    public override Task CloseAsync(WebSocketCloseStatus closeStatus, string? statusDescription, CancellationToken cancellationToken) =>
        inner.CloseAsync(closeStatus, statusDescription, cancellationToken);

    public override Task CloseOutputAsync(WebSocketCloseStatus closeStatus, string? statusDescription, CancellationToken cancellationToken) =>
        inner.CloseOutputAsync(closeStatus, statusDescription, cancellationToken);

    public override async Task<WebSocketReceiveResult> ReceiveAsync(ArraySegment<byte> buffer, CancellationToken cancellationToken)
    {
        var result = await inner.ReceiveAsync(buffer, cancellationToken);
        Keep(buffer.AsSpan(0, result.Count));
        return result;
    }

    public override async ValueTask<ValueWebSocketReceiveResult> ReceiveAsync(Memory<byte> buffer, CancellationToken cancellationToken)
    {
        var result = await inner.ReceiveAsync(buffer, cancellationToken);
        Keep(buffer.Span[..result.Count]);
        return result;
    }

    public override Task SendAsync(ArraySegment<byte> buffer, WebSocketMessageType messageType, bool endOfMessage, CancellationToken cancellationToken) =>
        inner.SendAsync(buffer, messageType, endOfMessage, cancellationToken);

    public override ValueTask SendAsync(ReadOnlyMemory<byte> buffer, WebSocketMessageType messageType, bool endOfMessage, CancellationToken cancellationToken) =>
        inner.SendAsync(buffer, messageType, endOfMessage, cancellationToken);

    public override void Dispose()
    {
        inner.Dispose();
        _received.Dispose();
    }

    private void Keep(ReadOnlySpan<byte> bytes)
    {
        lock (_lock)
        {
            _received.Write(bytes);
        }
    }
}
