using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using PhoneBridge.Testing.Hub;
using PhoneBridge.Testing.Redis;
using PhoneBridge.Testing.Sessions;
using PhoneBridge.Testing.Web;
using PinCovisor.Web.Hub;

namespace PinCovisor.Web.Tests.Hub;

[Collection(RedisCollection.Name)]
public sealed class HubVideoTests(RedisServers servers)
{
    [Theory]
    [MemberData(nameof(RedisServers.Kinds), MemberType = typeof(RedisServers))]
    public async Task VideoEventsCarryTheServersClockAndALateJoinerStartsFromTheLatestState(RedisServerKind kind)
    {
        var time = new FakeTimeProvider(TestClock.RandomInstantAhead());
        await using var scenario = await HubScenario.StartAsync(servers, kind, services: s => s.AddSingleton<TimeProvider>(time));
        var id = scenario.SessionId;
        var loadedAt = time.GetUtcNow();

        await scenario.Agent.InvokeAsync<long>("ControlVideo", id, new VideoCommand("load", ShopSettings.VideoId, 0, 1, false));
        time.Advance(TimeSpan.FromSeconds(3));
        await scenario.Agent.InvokeAsync<long>("ControlVideo", id, new VideoCommand("play", ShopSettings.VideoId, 0, 1, false));
        time.Advance(TimeSpan.FromSeconds(7.5));
        await scenario.Customer.InvokeAsync<long>("ControlVideo", id, new VideoCommand("rate", ShopSettings.VideoId, 7.5, 1.5, true));
        time.Advance(TimeSpan.FromSeconds(2));

        var states = (await scenario.Customer.Events.WaitForCountAsync(id, 3)).Select(e => e.DataAs<VideoState>()).ToList();
        states.Select(s => s.ServerTime).Should().Equal(loadedAt, loadedAt.AddSeconds(3), loadedAt.AddSeconds(10.5));
        states.Select(s => s.Playing).Should().Equal(false, true, true);
        (await scenario.Customer.InvokeAsync<DateTimeOffset>("Clock")).Should().Be(loadedAt.AddSeconds(12.5));

        var (_, token) = await SessionSeeder.AddCustomerAsync(scenario.Host, id);
        await using var late = await HubClient.ConnectAsync(scenario.Host.BaseAddress, token);
        var joined = await late.JoinAsync(id);
        var latest = joined.Video!.DataAs<VideoState>();
        latest.Should().Be(new VideoState("rate", ShopSettings.VideoId, 7.5, 1.5, true, loadedAt.AddSeconds(10.5)));
        joined.ServerTime.Should().Be(loadedAt.AddSeconds(12.5));
        var position = latest.Position + ((joined.ServerTime - latest.ServerTime).TotalSeconds * latest.Rate);
        position.Should().Be(10.5, "7.5 s at the rate change, then 2 s at 1.5x");
    }
}
