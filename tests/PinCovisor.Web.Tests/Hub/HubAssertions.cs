using Microsoft.AspNetCore.SignalR;

namespace PinCovisor.Web.Tests.Hub;

internal static class HubAssertions
{
    /// <summary>Asserts the hub call failed with a <see cref="HubException"/> whose message ends with <paramref name="message"/>.</summary>
    public static async Task Refused(Task call, string message) =>
        (await call.Invoking(c => c).Should().ThrowAsync<HubException>()).Which.Message.Should().EndWith(message);
}
