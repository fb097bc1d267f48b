using System.Text;
using PhoneBridge.Testing.Redis;
using PhoneBridge.Testing.Web;
using PinCovisor.Web.Webhooks;

namespace PinCovisor.Web.Tests.Webhooks;

[Collection(RedisCollection.Name)]
public sealed class WebhookDeliveryTests(RedisServers servers)
{
    private static readonly TimeSpan Step = TimeSpan.FromSeconds(5);

    [Theory]
    [MemberData(nameof(RedisServers.Kinds), MemberType = typeof(RedisServers))]
    public async Task AReceiverDownForAMinuteLosesNothingAndGetsEveryEventOnceItIsBack(RedisServerKind kind)
    {
        await using var receiver = WebhookReceiver.Down();
        var queue = WebhookHost.NewQueue();
        await using var host = WebhookHost.Start(servers, kind, receiver, queue);
        var published = new List<string>();
        for (var i = 0; i < 12; i++)
        {
            published.Add((await host.Events.PublishAsync(WebhookEventTypes.CsatSubmitted,
                new CsatSubmittedData($"s_{i}", "ana", "call", (i % 5) + 1, "bien")).WaitAsync(WebhookHost.Timeout))!);
        }

        // 70 s of retries against a closed port.
        await host.RunUntilAsync(() => false, Step, steps: 14);
        var triedWhileDown = await host.AttemptsAsync(queue);
        (await host.QueuedAsync(queue)).Should().Be(12, "nothing is given up while the receiver is down");

        await receiver.StartAgainAsync();
        await host.RunUntilAsync(() => published.All(id => receiver.Received.Any(r => r.EventId == id)), Step);

        triedWhileDown.Should().HaveCount(12).And.OnlyContain(n => n >= 2, "each event was tried, and tried again, while the port was closed");
        receiver.Received.Select(r => r.EventId).Distinct().Should().BeEquivalentTo(published, "every event arrived, counted once by its id");
        receiver.Received.Should().OnlyContain(r => r.SignatureValid && r.Type == WebhookEventTypes.CsatSubmitted);
        receiver.Received.Should().OnlyContain(r => r.Attempt > 1, "the first attempts all met the closed port");
        (await host.QueuedAsync(queue)).Should().Be(0);
        (await host.Dispatcher.DeliverDueAsync().WaitAsync(WebhookHost.Timeout)).Should().Be(0);
    }

    [Theory]
    [MemberData(nameof(RedisServers.Kinds), MemberType = typeof(RedisServers))]
    public async Task TheSignatureCoversTheTimeAndTheBodySoATamperedBodyOrAnotherSecretFails(RedisServerKind kind)
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var host = WebhookHost.Start(servers, kind, receiver);
        var publishedAt = host.Clock.GetUtcNow().ToUnixTimeSeconds();
        var id = await host.Events.PublishAsync(WebhookEventTypes.CsatSubmitted, new CsatSubmittedData("s_1", "ana", "whatsapp", 5, "¡genial! 👍"))
            .WaitAsync(WebhookHost.Timeout);

        await host.RunUntilAsync(() => !receiver.Received.IsEmpty, Step);

        var received = receiver.Received.Single();
        received.SignatureValid.Should().BeTrue();
        received.EventId.Should().Be(id).And.StartWith("evt_");
        received.Json.GetProperty("id").GetString().Should().Be(id, "the body carries the same idempotency id as the header");
        received.Json.GetProperty("type").GetString().Should().Be("csat.submitted");
        received.Json.GetProperty("occurredAt").GetDateTimeOffset().ToUnixTimeSeconds().Should().Be(publishedAt);
        received.Data.GetProperty("comment").GetString().Should().Be("¡genial! 👍");
        received.Data.GetProperty("score").GetInt32().Should().Be(5);
        var signedAt = long.Parse(received.Signature.Split(',')[0]["t=".Length..], System.Globalization.CultureInfo.InvariantCulture);
        signedAt.Should().BeInRange(publishedAt, host.Clock.GetUtcNow().ToUnixTimeSeconds(), "signed at sending, by the host's clock");
        received.Signature.Should().MatchRegex("^t=[0-9]+,v1=[0-9a-f]{64}$");

        var tampered = (byte[])received.Body.Clone();
        tampered[Array.IndexOf(tampered, (byte)'5')] = (byte)'1';
        WebhookReceiver.Verify(received.Signature, tampered).Should().BeFalse("a changed score breaks the signature");
        WebhookReceiver.Verify(received.Signature, received.Body, WebhookReceiver.Secret.Replace('0', '1')).Should().BeFalse();
        var otherTime = received.Signature.Replace("t=", "t=1", StringComparison.Ordinal);
        WebhookReceiver.Verify(otherTime, received.Body).Should().BeFalse("the time is signed with the body");
        Encoding.UTF8.GetString(received.Body).Should().NotContain(WebhookReceiver.Secret);
        host.Host.Logs.Lines.Should().NotContain(l => l.Contains(WebhookReceiver.Secret, StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(RedisServers.Kinds), MemberType = typeof(RedisServers))]
    public async Task ASecondHostDoesNotSendAMessageTheFirstIsSending(RedisServerKind kind)
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var queue = WebhookHost.NewQueue();
        var clock = WebhookHost.NewClock();
        await using var first = WebhookHost.Start(servers, kind, receiver, queue, clock, shared: true);
        await using var second = WebhookHost.Start(servers, kind, receiver, queue, clock, shared: true);
        var id = await first.Events.PublishAsync(WebhookEventTypes.CsatSubmitted, new CsatSubmittedData("s_1", "ana", "call", 4, null))
            .WaitAsync(WebhookHost.Timeout);
        var held = receiver.HoldNext();

        var sending = first.Dispatcher.DeliverDueAsync();
        await held.WaitAsync(WebhookHost.Timeout);
        var secondTook = await second.Dispatcher.DeliverDueAsync().WaitAsync(WebhookHost.Timeout);
        receiver.Release();
        var firstTook = await sending.WaitAsync(WebhookHost.Timeout);
        clock.Advance(first.Dispatcher.Lease + Step);
        var afterLease = await second.Dispatcher.DeliverDueAsync().WaitAsync(WebhookHost.Timeout);

        firstTook.Should().Be(1);
        secondTook.Should().Be(0, "the first host holds the lease while it sends");
        afterLease.Should().Be(0, "delivered is done, even once the lease would have run out");
        receiver.Received.Should().ContainSingle().Which.EventId.Should().Be(id);
        (await first.QueuedAsync(queue)).Should().Be(0);
    }

    [Theory]
    [MemberData(nameof(RedisServers.Kinds), MemberType = typeof(RedisServers))]
    public async Task AHostThatStallsPastItsLeaseLeavesTheMessageToAnotherWhichDeliversItAgainWithTheSameId(RedisServerKind kind)
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var queue = WebhookHost.NewQueue();
        // The first host's clock stands still while the second's runs past the lease: the first is frozen mid-send.
        var frozen = WebhookHost.NewClock();
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(frozen.GetUtcNow());
        await using var first = WebhookHost.Start(servers, kind, receiver, queue, frozen, shared: true);
        await using var second = WebhookHost.Start(servers, kind, receiver, queue, clock, shared: true);
        var id = await first.Events.PublishAsync(WebhookEventTypes.CsatSubmitted, new CsatSubmittedData("s_1", "ana", "call", 4, null))
            .WaitAsync(WebhookHost.Timeout);
        var held = receiver.HoldNext();

        var stalled = first.Dispatcher.DeliverDueAsync();
        await held.WaitAsync(WebhookHost.Timeout);
        clock.Advance(first.Dispatcher.Lease + Step);
        var secondTook = await second.Dispatcher.DeliverDueAsync().WaitAsync(WebhookHost.Timeout);
        receiver.Release();
        await stalled.WaitAsync(WebhookHost.Timeout);

        secondTook.Should().Be(1, "the first host's lease ran out");
        receiver.Received.Select(r => r.EventId).Should().Equal([id, id], "at least once: the receiver dedupes by the id");
        receiver.Received.Select(r => r.DeliveryId).Distinct().Should().ContainSingle();
        first.Host.Logs.Lines.Should().Contain(l => l.Contains("another host has it now", StringComparison.Ordinal));
        (await first.QueuedAsync(queue)).Should().Be(0);
    }
}
