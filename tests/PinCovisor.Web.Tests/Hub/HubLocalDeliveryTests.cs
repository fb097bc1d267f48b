using System.Security.Cryptography;
using PhoneBridge.Testing.Hub;
using PhoneBridge.Testing.Redis;
using PhoneBridge.Testing.Sessions;
using PhoneBridge.Testing.Web;
using PinCovisor.Web.Hub;
using StackExchange.Redis;

namespace PinCovisor.Web.Tests.Hub;

/// <summary>
/// With the Redis backplane on, a group's members on the sender's host are written to at once and the
/// message goes through Redis only for the other hosts' members, each member getting it once.
/// </summary>
[Collection(RedisCollection.Name)]
public sealed class HubLocalDeliveryTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task MembersOnTheSendersHostGetASignalWhileRedisHoldsThePublishAndOtherHostsGetItOnceAfter()
    {
        // A server of its own: the test holds its writes, which would stall any other test on it.
        using var redis = RedisServerProcess.Start();
        var settings = ShopSettings.With(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Redis"] = redis.ConnectionString,
            ["Pins:SecretKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
        });
        await using var here = new PinCovisorHost(settings);
        await using var there = new PinCovisorHost(settings);
        var session = await SessionSeeder.SeedAsync(here);
        var id = session.SessionId;
        var (_, secondDevice) = await SessionSeeder.AddCustomerAsync(here, id);
        await using var customer = await HubClient.ConnectAsync(here.BaseAddress, session.CustomerToken);
        await using var agentHere = await HubClient.ConnectAsync(here.BaseAddress, session.AgentToken);
        await using var agentThere = await HubClient.ConnectAsync(there.BaseAddress, session.AgentToken);
        await using var customerThere = await HubClient.ConnectAsync(there.BaseAddress, secondDevice);
        foreach (var client in new[] { customer, agentHere, agentThere, customerThere })
        {
            await client.JoinAsync(id);
        }

        await using var admin = await ConnectionMultiplexer.ConnectAsync(redis.ConnectionString + ",allowAdmin=true").WaitAsync(Timeout);
        var server = admin.GetServer(admin.GetEndPoints()[0]);
        // PUBLISH is a write: while paused, nothing reaches the other host through Redis.
        await server.ExecuteAsync("CLIENT", "PAUSE", "60000", "WRITE").WaitAsync(Timeout);
        try
        {
            // The call returns once this host's members have it: the publish is not waited for.
            await customer.InvokeAsync("MovePointer", id, 0.25, 0.75).WaitAsync(Timeout);
            await agentHere.Events.WaitAsync(() => agentHere.Events.Pointers, p => p.Count == 1);
            agentThere.Events.Pointers.Should().BeEmpty("the other host only hears of it through Redis, which holds the publish");
        }
        finally
        {
            await server.ExecuteAsync("CLIENT", "UNPAUSE").WaitAsync(Timeout);
        }

        await agentThere.Events.WaitAsync(() => agentThere.Events.Pointers, p => p.Count == 1);
        (await customerThere.Events.WaitAsync(() => customerThere.Events.Pointers, p => p.Count == 1))
            .Single().Should().BeEquivalentTo(new { X = 0.25, Y = 0.75 });

        // A signal from the other host comes here through the same channel after the first one's
        // echo would have: once it is in, a second copy of the first is not coming.
        await customerThere.InvokeAsync("MovePointer", id, 0.5, 0.5).WaitAsync(Timeout);
        var atAgentHere = await agentHere.Events.WaitAsync(() => agentHere.Events.Pointers, p => p.Count >= 2);
        atAgentHere.Select(p => (p.X, p.Y)).Should().Equal((0.25, 0.75), (0.5, 0.5));
        (await customer.Events.WaitAsync(() => customer.Events.Pointers, p => p.Count >= 1))
            .Select(p => (p.X, p.Y)).Should().Equal([(0.5, 0.5)], "a sender is not sent its own signal");

        // Logged events take the same path, each once at every member.
        await customer.ChatAsync(id, "una foto del reloj");
        await agentThere.ChatAsync(id, "ya la veo");
        foreach (var client in new[] { customer, agentHere, agentThere, customerThere })
        {
            var events = await client.Events.WaitForCountAsync(id, 2);
            client.Events.Arrivals.Select(e => e.Seq).Should().OnlyHaveUniqueItems();
            events.Select(e => e.DataAs<ChatMessage>().Text).Should().Equal("una foto del reloj", "ya la veo");
        }
    }
}
