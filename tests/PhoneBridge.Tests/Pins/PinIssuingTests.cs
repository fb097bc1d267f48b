using PhoneBridge.Pins;
using PhoneBridge.Testing.Redis;
using PhoneBridge.Tests.Calls;
using Xunit.Abstractions;

namespace PhoneBridge.Tests.Pins;

[Collection(TelephonyRedisCollection.Name)]
public sealed class PinIssuingTests(RedisServers servers, ITestOutputHelper output)
{
    private const int CollisionEvent = 1202;
    private const int LengthFullEvent = 1203;

    [Theory, MemberData(nameof(RedisServers.Kinds), MemberType = typeof(RedisServers))]
    public async Task FindingByCallGivesTheDigitsThatWereIssued(RedisServerKind kind)
    {
        var pins = TestPins.Create(await servers.ConnectAsync(kind));
        var callSid = TestCalls.NewSid();

        var issued = await pins.Store.IssueAsync(callSid).WaitAsync(TestCalls.Timeout);
        var found = await pins.Store.FindByCallAsync(callSid).WaitAsync(TestCalls.Timeout);

        issued.Should().NotBeNull();
        found.Should().Be(issued);
        issued!.State.Should().Be(PinState.Live);
        issued.ExpiresAt.Should().Be(pins.Clock.GetUtcNow() + pins.Options.Lifetime);
    }

    [Theory, MemberData(nameof(RedisServers.Kinds), MemberType = typeof(RedisServers))]
    public async Task IssuingAgainForTheSameCallGivesTheSameDigits(RedisServerKind kind)
    {
        var pins = TestPins.Create(await servers.ConnectAsync(kind));
        var callSid = TestCalls.NewSid();

        var first = await pins.Store.IssueAsync(callSid).WaitAsync(TestCalls.Timeout);
        pins.Clock.Advance(TimeSpan.FromMinutes(3));
        var second = await pins.Store.IssueAsync(callSid).WaitAsync(TestCalls.Timeout);

        second.Should().Be(first);
    }

    [Theory, MemberData(nameof(RedisServers.Kinds), MemberType = typeof(RedisServers))]
    public async Task TwentyConcurrentIssuesForOneCallAllGetTheSameDigitsAndHoldOnePlace(RedisServerKind kind)
    {
        var pins = TestPins.Create(await servers.ConnectAsync(kind));
        var callSid = TestCalls.NewSid();

        var issued = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => pins.Store.IssueAsync(callSid)))
            .WaitAsync(TestCalls.Timeout);

        issued.Select(p => p!.Digits).Distinct().Should().ContainSingle();
        (await pins.PlacesHeldAsync(pins.Options.Length)).Should().Be(1, "the losers of the race release their reservations");
    }

    [Theory, MemberData(nameof(RedisServers.Kinds), MemberType = typeof(RedisServers))]
    public async Task PinsHaveTheConfiguredLengthAndOnlyDigits(RedisServerKind kind)
    {
        var redis = await servers.ConnectAsync(kind);
        foreach (var length in new[] { 4, 6, 10 })
        {
            // A generous share, so 25 four-digit PINs fit without moving to five digits.
            var pins = TestPins.Create(redis, o => (o.Length, o.MaxLiveShare) = (length, 0.5));
            for (var i = 0; i < 25; i++)
            {
                var (_, pin) = await pins.IssueForNewCallAsync();

                pin.Digits.Should().HaveLength(length).And.MatchRegex("^[0-9]+$");
            }
        }
    }

    [Theory, MemberData(nameof(RedisServers.Kinds), MemberType = typeof(RedisServers))]
    public async Task TwoHundredConcurrentCallsGetTwoHundredDistinctPins(RedisServerKind kind)
    {
        var pins = TestPins.Create(await servers.ConnectAsync(kind));

        var issued = await Task.WhenAll(Enumerable.Range(0, 200).Select(_ => pins.Store.IssueAsync(TestCalls.NewSid())))
            .WaitAsync(TestCalls.Timeout);

        issued.Select(p => p!.Digits).Should().OnlyHaveUniqueItems().And.HaveCount(200);
    }

    [Theory, MemberData(nameof(RedisServers.Kinds), MemberType = typeof(RedisServers))]
    public async Task LivePinsStayUniqueWhenACrowdedFourDigitSpaceForcesCollisions(RedisServerKind kind)
    {
        // 600 PINs in 10^4 with nowhere longer to go: about 18 draws hit a live PIN by the birthday
        // bound, and each must be redrawn rather than shared.
        var pins = TestPins.Create(await servers.ConnectAsync(kind), o => (o.Length, o.MaxLength, o.MaxLiveShare) = (4, 4, 1.0));

        var issued = await Task.WhenAll(Enumerable.Range(0, 600).Select(_ => pins.Store.IssueAsync(TestCalls.NewSid())))
            .WaitAsync(TestCalls.Timeout);

        var collisions = pins.Log.Count(CollisionEvent);
        output.WriteLine($"{kind}: 600 four-digit PINs, {collisions} candidates redrawn because they were taken");
        collisions.Should().BePositive("the space was crowded enough to force collisions");
        issued.Select(p => p!.Digits).Should().OnlyHaveUniqueItems().And.HaveCount(600)
            .And.OnlyContain(d => d.Length == 4);
    }

    [Theory, MemberData(nameof(RedisServers.Kinds), MemberType = typeof(RedisServers))]
    public async Task WhenALengthIsAtCapacityLaterPinsAreOneDigitLongerUntilPlacesFreeUp(RedisServerKind kind)
    {
        // 0.001 of 10^4 is 10 live four-digit PINs; of 10^5, 100 five-digit ones.
        var pins = TestPins.Create(await servers.ConnectAsync(kind), o => (o.Length, o.MaxLiveShare) = (4, 0.001));

        var issued = await Task.WhenAll(Enumerable.Range(0, 30).Select(_ => pins.Store.IssueAsync(TestCalls.NewSid())))
            .WaitAsync(TestCalls.Timeout);

        issued.Count(p => p!.Digits.Length == 4).Should().Be(10);
        issued.Count(p => p!.Digits.Length == 5).Should().Be(20);
        pins.Clock.Advance(pins.Options.Lifetime);
        var afterExpiry = await pins.Store.IssueAsync(TestCalls.NewSid()).WaitAsync(TestCalls.Timeout);
        afterExpiry!.Digits.Should().HaveLength(4, "expired PINs gave their places back");
    }

    [Theory, MemberData(nameof(RedisServers.Kinds), MemberType = typeof(RedisServers))]
    public async Task IssuingFailsLoudlyWhenEveryLengthIsAtCapacity(RedisServerKind kind)
    {
        var pins = TestPins.Create(await servers.ConnectAsync(kind), o => (o.Length, o.MaxLength, o.MaxLiveShare) = (4, 4, 0.001));
        for (var i = 0; i < 10; i++)
        {
            await pins.Store.IssueAsync(TestCalls.NewSid()).WaitAsync(TestCalls.Timeout);
        }

        var issuing = () => pins.Store.IssueAsync(TestCalls.NewSid()).WaitAsync(TestCalls.Timeout);

        await issuing.Should().ThrowAsync<InvalidOperationException>().WithMessage("*Pins:MaxLength*");
    }

    [Theory, MemberData(nameof(RedisServers.Kinds), MemberType = typeof(RedisServers))]
    public async Task ALengthFoundFullIsSkippedForAMomentInsteadOfAskedOnEveryCall(RedisServerKind kind)
    {
        var pins = TestPins.Create(await servers.ConnectAsync(kind), o => (o.Length, o.MaxLiveShare) = (4, 0.001));
        for (var i = 0; i < 10; i++)
        {
            await pins.Store.IssueAsync(TestCalls.NewSid()).WaitAsync(TestCalls.Timeout);
        }

        for (var i = 0; i < 5; i++)
        {
            (await pins.Store.IssueAsync(TestCalls.NewSid()).WaitAsync(TestCalls.Timeout))!.Digits.Should().HaveLength(5);
        }

        pins.Log.Count(LengthFullEvent).Should().Be(1, "the index said once that four digits were full");
        pins.Clock.Advance(PinReservations.FullLengthMemory);
        (await pins.Store.IssueAsync(TestCalls.NewSid()).WaitAsync(TestCalls.Timeout))!.Digits.Should().HaveLength(5);
        pins.Log.Count(LengthFullEvent).Should().Be(2, "once the memory lapses the index is asked again");
    }

    [Theory, MemberData(nameof(RedisServers.Kinds), MemberType = typeof(RedisServers))]
    public async Task WhenEveryLengthIsFullARetryStillHearsItsPinAndAnEndedCallGetsNone(RedisServerKind kind)
    {
        var pins = TestPins.Create(await servers.ConnectAsync(kind), o => (o.Length, o.MaxLength, o.MaxLiveShare) = (4, 4, 0.001));
        var (retried, first) = await pins.IssueForNewCallAsync();
        var (ended, _) = await pins.IssueForNewCallAsync();
        await pins.Store.RevokeAsync(ended).WaitAsync(TestCalls.Timeout);
        for (var i = 0; i < 9; i++)
        {
            await pins.Store.IssueAsync(TestCalls.NewSid()).WaitAsync(TestCalls.Timeout);
        }

        (await pins.Store.IssueAsync(retried).WaitAsync(TestCalls.Timeout))!.Digits.Should().Be(first.Digits);
        (await pins.Store.IssueAsync(ended).WaitAsync(TestCalls.Timeout)).Should().BeNull();
    }
}
