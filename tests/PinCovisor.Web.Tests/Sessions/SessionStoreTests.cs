using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using PhoneBridge.Testing.Redis;
using PhoneBridge.Testing.Web;
using PinCovisor.Web.Sessions;

namespace PinCovisor.Web.Tests.Sessions;

[Collection(RedisCollection.Name)]
public sealed class SessionStoreTests(RedisServers servers)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private readonly FakeTimeProvider _clock = new(TestClock.RandomInstantAhead());

    [Theory]
    [MemberData(nameof(RedisServers.Kinds), MemberType = typeof(RedisServers))]
    public async Task ConcurrentOpensForOneCallAllGetTheSameSession(RedisServerKind kind)
    {
        var store = await StoreAsync(kind);
        var callSid = TwilioCaller.NewCallSid();

        var opened = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(() => store.OpenForCallAsync(callSid, "ana"))))
            .WaitAsync(Timeout);

        opened.Select(s => s.Id).Distinct().Should().ContainSingle();
        (await store.FindByCallAsync(callSid).WaitAsync(Timeout))!.Id.Should().Be(opened[0].Id);
        (await store.ListOpenForAgentAsync("ana").WaitAsync(Timeout)).Select(s => s.Id).Should().Contain(opened[0].Id);
    }

    [Theory]
    [MemberData(nameof(RedisServers.Kinds), MemberType = typeof(RedisServers))]
    public async Task IdsAreRandomUrlSafeAndCarry128Bits(RedisServerKind kind)
    {
        var store = await StoreAsync(kind);

        var session = await store.OpenForWebAsync("ana").WaitAsync(Timeout);
        var participant = await store.AddParticipantAsync(session.Id, AdmissionState.Pending, "Chrome on Android").WaitAsync(Timeout);

        session.Id.Should().MatchRegex("^s_[A-Za-z0-9_-]{22}$");
        participant.Id.Should().MatchRegex("^p_[A-Za-z0-9_-]{22}$");
        session.Origin.Should().Be(SessionOrigin.Web);
        session.CallSid.Should().BeNull();
    }

    [Theory]
    [MemberData(nameof(RedisServers.Kinds), MemberType = typeof(RedisServers))]
    public async Task ParticipantsAreListedInJoinOrderWithDeviceTimeAndAdmission(RedisServerKind kind)
    {
        var store = await StoreAsync(kind);
        var session = await store.OpenForCallAsync(TwilioCaller.NewCallSid(), null).WaitAsync(Timeout);
        var first = await store.AddParticipantAsync(session.Id, AdmissionState.Pending, "Chrome on Android").WaitAsync(Timeout);
        _clock.Advance(TimeSpan.FromSeconds(5));
        var second = await store.AddParticipantAsync(session.Id, AdmissionState.Admitted, null).WaitAsync(Timeout);

        var admitted = await store.SetAdmissionAsync(session.Id, first.Id, AdmissionState.Admitted).WaitAsync(Timeout);
        var listed = await store.ListParticipantsAsync(session.Id).WaitAsync(Timeout);

        admitted!.Admission.Should().Be(AdmissionState.Admitted);
        listed.Should().Equal(first with { Admission = AdmissionState.Admitted }, second);
        second.JoinedAt.Should().Be(first.JoinedAt.AddSeconds(5));
        (await store.SetAdmissionAsync(session.Id, "p_unknown", AdmissionState.Admitted).WaitAsync(Timeout)).Should().BeNull();
    }

    [Theory]
    [MemberData(nameof(RedisServers.Kinds), MemberType = typeof(RedisServers))]
    public async Task ARejectionIsFinal(RedisServerKind kind)
    {
        var store = await StoreAsync(kind);
        var session = await store.OpenForWebAsync("ana").WaitAsync(Timeout);
        var participant = await store.AddParticipantAsync(session.Id, AdmissionState.Pending, null).WaitAsync(Timeout);

        await store.SetAdmissionAsync(session.Id, participant.Id, AdmissionState.Rejected).WaitAsync(Timeout);
        var later = await store.SetAdmissionAsync(session.Id, participant.Id, AdmissionState.Admitted).WaitAsync(Timeout);

        later!.Admission.Should().Be(AdmissionState.Rejected);
    }

    [Theory]
    [MemberData(nameof(RedisServers.Kinds), MemberType = typeof(RedisServers))]
    public async Task ReassigningMovesTheSessionBetweenAgentsListsAndReportsWhoHadIt(RedisServerKind kind)
    {
        var store = await StoreAsync(kind);
        var session = await store.OpenForCallAsync(TwilioCaller.NewCallSid(), "ana").WaitAsync(Timeout);

        var moved = await store.ReassignAsync(session.Id, "bruno").WaitAsync(Timeout);

        moved!.Value.PreviousAgent.Should().Be("ana");
        moved.Value.Session.AgentUsername.Should().Be("bruno");
        (await store.ListOpenForAgentAsync("ana").WaitAsync(Timeout)).Should().NotContain(s => s.Id == session.Id);
        (await store.ListOpenForAgentAsync("bruno").WaitAsync(Timeout)).Should().Contain(s => s.Id == session.Id);
    }

    [Theory]
    [MemberData(nameof(RedisServers.Kinds), MemberType = typeof(RedisServers))]
    public async Task ClosingIsIdempotentAndOnlyTheFirstCloserClosesIt(RedisServerKind kind)
    {
        var store = await StoreAsync(kind);
        var session = await store.OpenForCallAsync(TwilioCaller.NewCallSid(), "ana").WaitAsync(Timeout);
        var ended = await store.MarkCallEndedAsync(session.Id).WaitAsync(Timeout);
        _clock.Advance(TimeSpan.FromMinutes(2));

        var first = await store.TryCloseAsync(session.Id).WaitAsync(Timeout);
        var second = await store.TryCloseAsync(session.Id).WaitAsync(Timeout);

        ended!.CallEndedAt.Should().Be(session.CreatedAt);
        first!.Value.ClosedNow.Should().BeTrue();
        first.Value.Session.ClosedAt.Should().Be(session.CreatedAt.AddMinutes(2));
        second!.Value.ClosedNow.Should().BeFalse();
        second.Value.Session.Should().Be(first.Value.Session);
        (await store.ListOpenForAgentAsync("ana").WaitAsync(Timeout)).Should().NotContain(s => s.Id == session.Id);
        (await store.AssignAgentAsync(session.Id, "bruno").WaitAsync(Timeout)).Should().BeNull();
        await store.Invoking(s => s.AddParticipantAsync(session.Id, AdmissionState.Admitted, null))
            .Should().ThrowAsync<InvalidOperationException>();
    }

    [Theory]
    [MemberData(nameof(RedisServers.Kinds), MemberType = typeof(RedisServers))]
    public async Task UnknownOrMalformedIdsFindNothing(RedisServerKind kind)
    {
        var store = await StoreAsync(kind);

        (await store.GetAsync("s_" + new string('A', 22)).WaitAsync(Timeout)).Should().BeNull();
        (await store.GetAsync("s_{x}:y").WaitAsync(Timeout)).Should().BeNull();
        (await store.TryCloseAsync("nope").WaitAsync(Timeout)).Should().BeNull();
        (await store.FindByCallAsync(TwilioCaller.NewCallSid()).WaitAsync(Timeout)).Should().BeNull();
        (await store.ListParticipantsAsync("s_" + new string('B', 22)).WaitAsync(Timeout)).Should().BeEmpty();
    }

    private async Task<RedisSessionStore> StoreAsync(RedisServerKind kind) =>
        new(await servers.ConnectAsync(kind), Options.Create(new SessionsOptions()), _clock);
}
