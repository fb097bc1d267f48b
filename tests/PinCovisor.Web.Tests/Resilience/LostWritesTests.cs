using Microsoft.Extensions.DependencyInjection;
using PhoneBridge.Testing.Redis;
using PinCovisor.Web.Hub;
using PinCovisor.Web.Tests.Hub;
using StackExchange.Redis;

namespace PinCovisor.Web.Tests.Resilience;

[Collection(RedisCollection.Name)]
public sealed class LostWritesTests(RedisServers servers)
{
    [Theory]
    [MemberData(nameof(RedisServers.Kinds), MemberType = typeof(RedisServers))]
    public async Task WhenRedisComesBackWithoutItsLastEventsNumberingGoesOnAboveWhatClientsHaveApplied(RedisServerKind kind)
    {
        await using var scenario = await HubScenario.StartAsync(servers, kind);
        var id = scenario.SessionId;
        foreach (var text in new[] { "uno", "dos", "tres" })
        {
            await scenario.Customer.ChatAsync(id, text);
        }

        var seen = await scenario.Agent.Events.WaitForAsync(id, events => events.Any(e => e.Kind == EventKinds.ChatMessage && e.DataAs<ChatMessage>().Text == "tres"));
        var last = seen[^1].Seq;

        // What a Redis that lost its last second of writes looks like: the counter and the log both
        // back two events, the clients still holding them.
        var db = scenario.Host.Services.GetRequiredService<IConnectionMultiplexer>().GetDatabase();
        await db.StringSetAsync(HubKeys.Counter(id), last - 2).WaitAsync(TimeSpan.FromSeconds(10));
        await db.SortedSetRemoveRangeByScoreAsync(HubKeys.Events(id), last - 1, double.PositiveInfinity).WaitAsync(TimeSpan.FromSeconds(10));

        var sent = await scenario.Customer.ChatAsync(id, "cuatro");

        sent.Should().Be(last + 1, "numbers clients have applied are not handed out again");
        var applied = await scenario.Agent.Events.WaitForAsync(id, events => events.Any(e => e.Seq == last + 1));
        applied[^1].DataAs<ChatMessage>().Text.Should().Be("cuatro");
    }
}
