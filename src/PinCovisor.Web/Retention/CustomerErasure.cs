namespace PinCovisor.Web.Retention;

/// <summary>What <c>DELETE /api/customers/{phone}</c> removed, by kind; every count 0 when nothing was left.</summary>
/// <param name="Calls">Call records.</param>
/// <param name="Sessions">Sessions (with their participants and tokens).</param>
/// <param name="Events">Events of the sessions' logs: chat lines, shares, strokes.</param>
/// <param name="Media">Images and documents uploaded into the sessions.</param>
/// <param name="Conversations">WhatsApp and SMS conversations (their customer records and indexes).</param>
/// <param name="Visitors">Website visitors' records tied to the sessions (visitor records carry no number and are tied to none today).</param>
/// <param name="Pins">PINs of the calls.</param>
/// <param name="Csat">Satisfaction answers, as the registered <see cref="IRetainedData"/> of class <c>csat</c> counts them.</param>
public sealed record CustomerErasure(long Calls, long Sessions, long Events, long Media, long Conversations, long Visitors, long Pins, long Csat)
{
    public static readonly CustomerErasure None = new(0, 0, 0, 0, 0, 0, 0, 0);

    public static CustomerErasure operator +(CustomerErasure a, CustomerErasure b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return new(a.Calls + b.Calls, a.Sessions + b.Sessions, a.Events + b.Events, a.Media + b.Media,
            a.Conversations + b.Conversations, a.Visitors + b.Visitors, a.Pins + b.Pins, a.Csat + b.Csat);
    }

    public CustomerErasure Add(CustomerErasure other) => this + other;
}
