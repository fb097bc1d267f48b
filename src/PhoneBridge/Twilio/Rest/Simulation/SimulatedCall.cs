namespace PhoneBridge.Twilio.Rest.Simulation;

/// <summary>A call the <see cref="SimulatedTwilioApi"/> knows: created through it, or added by the simulator.</summary>
public sealed class SimulatedCall
{
    private readonly Lock _gate = new();

    internal SimulatedCall(string sid, string from, string to, string direction, string status, DateTimeOffset created)
    {
        Sid = sid;
        From = from;
        To = to;
        Direction = direction;
        Status = status;
        DateCreated = created;
        DateUpdated = created;
    }

    /// <summary>The call SID (<c>CA…</c>).</summary>
    public string Sid { get; }

    /// <summary>The calling number.</summary>
    public string From { get; }

    /// <summary>The called number.</summary>
    public string To { get; }

    /// <summary><c>inbound</c>, or <c>outbound-api</c> for a call created through the API.</summary>
    public string Direction { get; }

    /// <summary>The status as Twilio reports it (<c>queued</c>, <c>ringing</c>, <c>in-progress</c>, <c>completed</c>, …).</summary>
    public string Status { get; private set; }

    /// <summary>When the call was created.</summary>
    public DateTimeOffset DateCreated { get; }

    /// <summary>When the call last changed.</summary>
    public DateTimeOffset DateUpdated { get; private set; }

    /// <summary>The URL Twilio fetches the call's TwiML from, when created with one.</summary>
    public Uri? Url { get; internal init; }

    /// <summary>Where the call's status changes are posted, when given.</summary>
    public Uri? StatusCallback { get; internal init; }

    /// <summary>The status events asked for (<c>initiated</c>, <c>ringing</c>, <c>answered</c>, <c>completed</c>).</summary>
    public IReadOnlyList<string> StatusCallbackEvents { get; internal init; } = [];

    /// <summary>The TwiML the call was last told to run (at creation or by an update); null when it runs its URL.</summary>
    public string? Twiml { get; private set; }

    internal bool IsLive => Status is "queued" or "ringing" or "in-progress";

    internal void Change(string? status, string? twiml, DateTimeOffset now)
    {
        lock (_gate)
        {
            Status = status ?? Status;
            Twiml = twiml ?? Twiml;
            DateUpdated = now;
        }
    }
}
