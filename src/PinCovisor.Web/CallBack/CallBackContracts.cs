namespace PinCovisor.Web.CallBack;

/// <summary><c>callback.requested</c>: the customer asked to be called.</summary>
/// <param name="MaskedNumber">The number as everyone sees it (<c>+34 6•• ••• 222</c>); the full one stays with the host.</param>
public sealed record CallBackRequested(string MaskedNumber);

/// <summary><c>callback.placed</c>: the agent in charge had the host call the customer; the session now has that call.</summary>
/// <param name="MaskedNumber">The number called, masked.</param>
public sealed record CallBackPlaced(string MaskedNumber);
