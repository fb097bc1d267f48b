using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using PhoneBridge.Calls;
using PhoneBridge.Pins;
using PhoneBridge.Testing.Redis;
using PhoneBridge.Tests.Pins;
using StackExchange.Redis;

namespace PhoneBridge.Tests.Calls;

[Collection(TelephonyRedisCollection.Name)]
public sealed class CallRegistrationTests(RedisServers servers)
{
    [Fact]
    public async Task TheStoresResolveFromTheHostsConnectionWithNoOpEventsByDefault()
    {
        var redis = await servers.ConnectAsync(RedisServerKind.Garnet);
        using var provider = Services(redis).BuildServiceProvider();

        var calls = provider.GetRequiredService<RedisCallStore>();
        var record = await calls.RecordIncomingAsync(TestCalls.NewSid(), "+34600111222").WaitAsync(TestCalls.Timeout);
        await provider.GetRequiredService<ICallEvents>().CallStatusChangedAsync(record).WaitAsync(TestCalls.Timeout);
        var pin = await provider.GetRequiredService<IPinStore>().IssueAsync(record.CallSid).WaitAsync(TestCalls.Timeout);

        pin.Should().NotBeNull();
        provider.GetRequiredService<TimeProvider>().Should().BeSameAs(TimeProvider.System);
    }

    [Fact]
    public void TheHostsOwnEventsReplaceTheNoOpWhetherRegisteredBeforeOrAfter()
    {
        var events = new RecordingEvents();

        var first = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        first.Services.AddSingleton<ICallEvents>(events);
        first.AddCalls();
        var second = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        second.AddCalls();
        second.Services.AddSingleton<ICallEvents>(events);
        using var before = first.Services.BuildServiceProvider();
        using var after = second.Services.BuildServiceProvider();

        before.GetRequiredService<ICallEvents>().Should().BeSameAs(events);
        after.GetRequiredService<ICallEvents>().Should().BeSameAs(events);
    }

    [Fact]
    public void ANonPositiveRecordLifetimeFailsAtStartUpNamingTheKey()
    {
        using var provider = Services(null, new() { ["Calls:RecordLifetime"] = "00:00:00" }).BuildServiceProvider();

        var validating = () => provider.GetRequiredService<IStartupValidator>().Validate();

        validating.Should().Throw<OptionsValidationException>().WithMessage("*Calls:RecordLifetime*");
    }

    [Theory]
    [InlineData("00:10:00")]
    [InlineData("04:00:00")]
    [InlineData("00:00:00")]
    public void AReconcileAfterThatIsNotPositiveAndShorterThanStaleAfterFailsAtStartUpNamingTheKey(string reconcileAfter)
    {
        using var provider = Services(null, new() { ["Calls:StaleAfter"] = "00:10:00", ["Calls:ReconcileAfter"] = reconcileAfter }).BuildServiceProvider();

        var validating = () => provider.GetRequiredService<IStartupValidator>().Validate();

        validating.Should().Throw<OptionsValidationException>().WithMessage("*Calls:ReconcileAfter must be positive and shorter than Calls:StaleAfter*");
    }

    [Theory]
    [InlineData("04:00:00", null, "00:10:00")]
    [InlineData("00:20:00", null, "00:10:00")]
    [InlineData("00:00:02", null, "00:00:01")]
    [InlineData("04:00:00", "00:01:00", "00:01:00")]
    public void UnsetReconcileAfterIsTenMinutesOrHalfOfAStaleAfterOfTwentyMinutesOrLess(string staleAfter, string? reconcileAfter, string expected)
    {
        using var provider = Services(null, new() { ["Calls:StaleAfter"] = staleAfter, ["Calls:ReconcileAfter"] = reconcileAfter }).BuildServiceProvider();

        provider.GetRequiredService<IStartupValidator>().Validate();

        provider.GetRequiredService<IOptions<CallOptions>>().Value.ReconcileAfterOrDefault.Should().Be(TimeSpan.Parse(expected, System.Globalization.CultureInfo.InvariantCulture));
    }

    private static IServiceCollection Services(IConnectionMultiplexer? redis, Dictionary<string, string?>? settings = null)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Pins:SecretKey"] = TestPins.NewSecretKey() })
            .AddInMemoryCollection(settings ?? []);
        if (redis is not null)
        {
            builder.Services.AddSingleton(redis);
        }

        return builder.AddPins().AddCalls().Services;
    }

    private sealed class RecordingEvents : ICallEvents
    {
        public Task CallStatusChangedAsync(CallRecord call, CancellationToken cancellationToken = default) => Task.CompletedTask;

        public Task AgentAnsweredAsync(CallRecord call, CancellationToken cancellationToken = default) => Task.CompletedTask;
    }
}
