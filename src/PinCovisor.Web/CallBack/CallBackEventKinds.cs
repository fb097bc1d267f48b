namespace PinCovisor.Web.CallBack;

/// <summary>The event kinds of a call back (see <see cref="Hub.EventKinds"/> for the others).</summary>
public static class CallBackEventKinds
{
    /// <summary><see cref="CallBackRequested"/>.</summary>
    public const string Requested = "callback.requested";

    /// <summary><see cref="CallBackPlaced"/>.</summary>
    public const string Placed = "callback.placed";
}
