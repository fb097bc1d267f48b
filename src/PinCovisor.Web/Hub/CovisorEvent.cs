using System.Text.Json;
using System.Text.Json.Serialization;

namespace PinCovisor.Web.Hub;

/// <summary>
/// One entry of a session's event log, as stored in Redis and as clients receive it. Its
/// <see cref="Seq"/> is unique and increasing within the session; clients apply events in
/// <see cref="Seq"/> order and drop any they have already applied.
/// </summary>
/// <param name="Seq">The position in the session's log (1, 2, 3…); never 0 once appended.</param>
/// <param name="SessionId">The session it belongs to (an agent's connection may follow several).</param>
/// <param name="Kind">What happened; one of <see cref="EventKinds"/>.</param>
/// <param name="At">Server time of the append.</param>
/// <param name="Author">Who caused it.</param>
/// <param name="Data">The kind's payload (see docs/hub-protocol.md).</param>
public sealed record CovisorEvent(
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] long Seq,
    string SessionId,
    string Kind,
    DateTimeOffset At,
    EventAuthor Author,
    JsonElement Data)
{
    /// <summary>The options events are stored with (camelCase, as SignalR's JSON protocol writes them).</summary>
    public static JsonSerializerOptions JsonOptions { get; } = new(JsonSerializerDefaults.Web);

    /// <summary>Reads <see cref="Data"/> as the kind's payload type.</summary>
    public T DataAs<T>() => Data.Deserialize<T>(JsonOptions)
        ?? throw new JsonException($"Event {Seq} of session {SessionId} carries no {typeof(T).Name}.");
}

/// <summary>Who caused an event.</summary>
/// <param name="Role"><c>agent</c>, <c>customer</c> or <c>system</c>.</param>
/// <param name="Id">The agent's username or the customer's participant id; null for the system.</param>
/// <param name="Name">What people see: the agent's display name, "Customer"; null for the system.</param>
public sealed record EventAuthor(string Role, string? Id, string? Name)
{
    /// <summary>Changes nobody in the session made (call status, session end, admission by REST…).</summary>
    public static EventAuthor System { get; } = new("system", null, null);
}
