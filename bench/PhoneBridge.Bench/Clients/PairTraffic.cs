using Microsoft.AspNetCore.SignalR.Client;

namespace PhoneBridge.Bench.Clients;

/// <summary>
/// One session's two connected members and how one of them sends: the agent draws (stroke batches)
/// or the customer chats. The other member records each arrival's latency.
/// </summary>
/// <param name="Agent">The agent's connection.</param>
/// <param name="Customer">The customer's connection.</param>
/// <param name="Drawing">Whether this session draws (20 msg/s) rather than chats (1 msg/s).</param>
/// <param name="Send">Sends one message stamped with <see cref="SendStamp.NewId"/>.</param>
public sealed record PairTraffic(HubConnection Agent, HubConnection Customer, bool Drawing, Func<Task> Send)
{
    /// <summary>Eight points of a stroke batch, about what a client gathers in 50 ms of drawing.</summary>
    public static readonly double[] StrokePoints = [0.30, 0.60, 0.31, 0.61, 0.32, 0.62, 0.33, 0.63, 0.34, 0.64, 0.35, 0.65, 0.36, 0.66, 0.37, 0.67];

    public const string StrokeColor = "#ff0000";

    public const int StrokeWidth = 3;

    public const string ChatText = "Este, el de la correa azul; ¿lo ves en la foto?";

    public async Task DisposeAsync()
    {
        await Agent.DisposeAsync();
        await Customer.DisposeAsync();
    }
}
