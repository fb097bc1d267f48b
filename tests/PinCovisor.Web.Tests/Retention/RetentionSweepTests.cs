using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using PhoneBridge.Redis;
using PhoneBridge.Testing.Agents;
using PhoneBridge.Testing.Redis;
using PhoneBridge.Testing.Web;
using PinCovisor.Web.Hub;
using PinCovisor.Web.Sessions;
using PinCovisor.Web.Tests.Hub;

namespace PinCovisor.Web.Tests.Retention;

/// <summary>The retention sweep on the host's own clock (a fake one), removing by each class's days.</summary>
[Collection(RedisCollection.Name)]
public sealed class RetentionSweepTests(RedisServers servers)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [Theory]
    [MemberData(nameof(RedisServers.Kinds), MemberType = typeof(RedisServers))]
    public async Task TheSweepRemovesOnlyWhatIsOlderThanItsClassesDays(RedisServerKind kind)
    {
        var time = new FakeTimeProvider(TestClock.RandomInstantAhead());
        await using var shop = await RetentionShop.StartAsync(servers, kind, new Dictionary<string, string?>
        {
            ["Retention:CallRecords"] = "20",
            ["Retention:Transcripts"] = "5",
            ["Retention:Media"] = "11",
            ["Retention:Conversations"] = "30",
            ["Retention:SweepInterval"] = "1.00:00:00",
            ["Retention:Sweep"] = "true",
        }, services => services.AddSingleton<TimeProvider>(time));
        await SweptAsync(shop, 1);
        var oldCall = await shop.CallAsync(AgentHosts.NewPhoneNumber());
        var oldSession = await shop.SessionWithChatAndImageAsync(oldCall);

        await AdvanceAndSweepAsync(shop, time, TimeSpan.FromDays(10));
        var newCall = await shop.CallAsync(AgentHosts.NewPhoneNumber());
        var newSession = await shop.SessionWithChatAndImageAsync(newCall);
        await AdvanceAndSweepAsync(shop, time, TimeSpan.FromDays(2));

        // Day 12: the old session is past its transcript's 5 days and its media's 11, the new one past neither.
        (await shop.Db.KeyExistsAsync(HubKeys.Events(oldSession)).WaitAsync(Timeout)).Should().BeFalse();
        (await shop.KeysAsync($"pb:{{session:{oldSession}}}:media")).Should().BeEmpty();
        (await shop.Db.KeyExistsAsync(SessionKeys.Session(oldSession)).WaitAsync(Timeout)).Should().BeTrue("sessions are kept 30 days");
        (await shop.Db.KeyExistsAsync(RedisKeys.Call(oldCall)).WaitAsync(Timeout)).Should().BeTrue("call records are kept 20 days");
        (await shop.Db.KeyExistsAsync(HubKeys.Events(newSession)).WaitAsync(Timeout)).Should().BeTrue();
        (await shop.KeysAsync($"pb:{{session:{newSession}}}:media:")).Should().ContainSingle();

        await AdvanceAndSweepAsync(shop, time, TimeSpan.FromDays(9));

        // Day 21: the old call is past 20 days, the new one (11 days) is not.
        (await shop.Db.KeyExistsAsync(RedisKeys.Call(oldCall)).WaitAsync(Timeout)).Should().BeFalse();
        (await shop.Db.KeyExistsAsync(RedisKeys.Call(newCall)).WaitAsync(Timeout)).Should().BeTrue();
        (await shop.Db.KeyExistsAsync(SessionKeys.Session(oldSession)).WaitAsync(Timeout)).Should().BeTrue();
        shop.Host.Logs.Lines.Should().Contain(l => l.Contains("Id: 3902", StringComparison.Ordinal) && l.Contains("callRecords", StringComparison.Ordinal));
    }

    private static async Task AdvanceAndSweepAsync(RetentionShop shop, FakeTimeProvider time, TimeSpan by)
    {
        var before = Sweeps(shop);
        time.Advance(by);
        await SweptAsync(shop, before + 1);
    }

    private static async Task SweptAsync(RetentionShop shop, int count)
    {
        using var cancel = new CancellationTokenSource(Timeout);
        while (Sweeps(shop) < count)
        {
            await Task.Delay(20, cancel.Token);
        }
    }

    private static int Sweeps(RetentionShop shop) => shop.Host.Logs.Lines.Count(l => l.Contains("Id: 3904", StringComparison.Ordinal));
}
