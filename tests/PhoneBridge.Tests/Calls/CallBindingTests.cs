using PhoneBridge.Calls;
using PhoneBridge.Testing.Redis;

namespace PhoneBridge.Tests.Calls;

/// <summary>
/// Binding an agent's leg to a call is decided in one script: a leg binds once, and nothing binds a
/// call that ended, so a retried or replayed whisper or dequeue changes nothing.
/// </summary>
[Collection(TelephonyRedisCollection.Name)]
public sealed class CallBindingTests(RedisServers servers)
{
    [Theory, MemberData(nameof(RedisServers.Kinds), MemberType = typeof(RedisServers))]
    public async Task ALegThatBoundTheCallBeforeDoesNotTakeItBackFromALaterAnswer(RedisServerKind kind)
    {
        var (calls, callSid) = await TestCalls.WithIncomingCallAsync(await servers.ConnectAsync(kind));
        var anasLeg = TestCalls.NewSid();

        var first = await calls.BindAgentLegAsync(callSid, anasLeg, "ana").WaitAsync(TestCalls.Timeout);
        var later = await calls.BindAgentLegAsync(callSid, TestCalls.NewSid(), "luis").WaitAsync(TestCalls.Timeout);
        var replayed = await calls.BindAgentLegAsync(callSid, anasLeg, "ana").WaitAsync(TestCalls.Timeout);

        first!.Outcome.Should().Be(CallBindingOutcome.Bound);
        first.Call.AnsweringAgent.Should().Be("ana");
        later!.Outcome.Should().Be(CallBindingOutcome.Bound);
        replayed!.Outcome.Should().Be(CallBindingOutcome.Repeated);
        replayed.Call.AnsweringAgent.Should().Be("luis");
        (await calls.GetAsync(callSid).WaitAsync(TestCalls.Timeout))!.AnsweringAgent.Should().Be("luis");
    }

    [Theory, MemberData(nameof(RedisServers.Kinds), MemberType = typeof(RedisServers))]
    public async Task NothingBindsACallThatEnded(RedisServerKind kind)
    {
        var (calls, callSid) = await TestCalls.WithIncomingCallAsync(await servers.ConnectAsync(kind));
        var anasLeg = TestCalls.NewSid();
        await calls.BindAgentLegAsync(callSid, anasLeg, "ana").WaitAsync(TestCalls.Timeout);
        await calls.UpdateStatusAsync(callSid, CallStatus.Completed).WaitAsync(TestCalls.Timeout);

        var replayed = await calls.BindAgentLegAsync(callSid, anasLeg, "ana").WaitAsync(TestCalls.Timeout);
        var newLeg = await calls.BindAgentLegAsync(callSid, TestCalls.NewSid(), "luis").WaitAsync(TestCalls.Timeout);
        var claimed = await calls.BindAgentAsync(callSid, "luis").WaitAsync(TestCalls.Timeout);

        replayed!.Outcome.Should().Be(CallBindingOutcome.CallOver);
        newLeg!.Outcome.Should().Be(CallBindingOutcome.CallOver);
        claimed.Should().BeNull("a claim by PIN binds only a call that has not ended");
        (await calls.GetAsync(callSid).WaitAsync(TestCalls.Timeout))!.AnsweringAgent.Should().Be("ana");
    }

    [Theory, MemberData(nameof(RedisServers.Kinds), MemberType = typeof(RedisServers))]
    public async Task OfTwentyParallelRequestsForOneLegExactlyOneBinds(RedisServerKind kind)
    {
        var (calls, callSid) = await TestCalls.WithIncomingCallAsync(await servers.ConnectAsync(kind));
        var leg = TestCalls.NewSid();

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => calls.BindAgentLegAsync(callSid, leg, "ana")))
            .WaitAsync(TestCalls.Timeout);

        outcomes.Select(b => b!.Outcome).Should().ContainSingle(o => o == CallBindingOutcome.Bound)
            .And.HaveCount(20).And.OnlyContain(o => o == CallBindingOutcome.Bound || o == CallBindingOutcome.Repeated);
    }

    [Theory, MemberData(nameof(RedisServers.Kinds), MemberType = typeof(RedisServers))]
    public async Task BindingALegOfAnUnknownCallCreatesNothing(RedisServerKind kind)
    {
        var calls = TestCalls.Store(await servers.ConnectAsync(kind), TestCalls.RandomClock());
        var callSid = TestCalls.NewSid();

        (await calls.BindAgentLegAsync(callSid, TestCalls.NewSid(), "ana").WaitAsync(TestCalls.Timeout)).Should().BeNull();
        (await calls.GetAsync(callSid).WaitAsync(TestCalls.Timeout)).Should().BeNull();
    }

    [Theory, MemberData(nameof(RedisServers.Kinds), MemberType = typeof(RedisServers))]
    public async Task ARepeatedStatusSaysItChangedNothing(RedisServerKind kind)
    {
        var (calls, callSid) = await TestCalls.WithIncomingCallAsync(await servers.ConnectAsync(kind));

        var first = await calls.UpdateStatusAsync(callSid, CallStatus.Completed).WaitAsync(TestCalls.Timeout);
        var again = await calls.UpdateStatusAsync(callSid, CallStatus.Completed).WaitAsync(TestCalls.Timeout);

        first!.Changed.Should().BeTrue();
        again.Should().Be(first with { Changed = false });
    }
}
