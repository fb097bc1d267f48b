using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using PhoneBridge.Testing.Agents;
using PhoneBridge.Testing.Redis;
using PhoneBridge.Testing.Web;
using PinCovisor.Web.Webhooks;

namespace PinCovisor.Web.Tests.Webhooks;

[Collection(RedisCollection.Name)]
public sealed class WebhookDeadLetterTests(RedisServers servers)
{
    private const string Password = "correct horse battery";
    private const string DeadLetters = "/api/admin/webhooks/dead-letters";
    private static readonly TimeSpan Step = TimeSpan.FromSeconds(5);

    [Theory]
    [MemberData(nameof(RedisServers.Kinds), MemberType = typeof(RedisServers))]
    public async Task MessagesThatExhaustTheirAttemptsAreDeadLettersAnAdminSeesRetriesAndDeletesWhileOtherAgentsAreForbidden(RedisServerKind kind)
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Status = HttpStatusCode.InternalServerError;
        var queue = WebhookHost.NewQueue();
        var (adminName, agentName) = (AgentHosts.NewUsername("admin"), AgentHosts.NewUsername("agent"));
        var settings = new Dictionary<string, string?>(AgentHosts.Agent(2, adminName, Password, isAdmin: true))
        {
            ["Webhooks:MaxAttempts"] = "3",
        };
        foreach (var (key, value) in AgentHosts.Agent(3, agentName, Password))
        {
            settings[key] = value;
        }

        await using var host = WebhookHost.Start(servers, kind, receiver, queue, settings: settings);
        var first = await host.Events.PublishAsync(WebhookEventTypes.CsatSubmitted, new CsatSubmittedData("s_1", "ana", "call", 2, "lento"))
            .WaitAsync(WebhookHost.Timeout);
        var second = await host.Events.PublishAsync(WebhookEventTypes.CsatSubmitted, new CsatSubmittedData("s_2", "ana", "sms", 5, null))
            .WaitAsync(WebhookHost.Timeout);
        using var admin = await AgentClient.LogInAsync(host.Host, adminName, Password);
        using var agent = await AgentClient.LogInAsync(host.Host, agentName, Password);

        await host.RunUntilAsync(() => receiver.Received.Count == 6, Step);
        var dead = await ListAsync(admin);

        receiver.Received.Should().HaveCount(6, "three attempts each, then no more");
        (await host.QueuedAsync(queue)).Should().Be(0);
        dead.Select(d => d.GetProperty("eventId").GetString()).Should().BeEquivalentTo([first, second]);
        var firstDead = dead.Single(d => d.GetProperty("eventId").GetString() == first);
        firstDead.GetProperty("attempts").GetInt32().Should().Be(3);
        firstDead.GetProperty("endpoint").GetString().Should().Be("crm");
        firstDead.GetProperty("type").GetString().Should().Be("csat.submitted");
        firstDead.GetProperty("lastError").GetString().Should().Be("answered 500");
        firstDead.GetProperty("deadAt").GetDateTimeOffset().Should().Be(DateTimeOffset.FromUnixTimeMilliseconds(host.Clock.GetUtcNow().ToUnixTimeMilliseconds()));
        firstDead.GetProperty("message").GetProperty("data").GetProperty("comment").GetString().Should().Be("lento");
        var firstId = firstDead.GetProperty("id").GetString()!;
        var secondId = dead.Single(d => d.GetProperty("eventId").GetString() == second).GetProperty("id").GetString()!;

        foreach (var refused in new[]
        {
            await agent.Api.GetAsync(DeadLetters).WaitAsync(WebhookHost.Timeout),
            await agent.Api.PostAsync($"{DeadLetters}/{firstId}/retry", null).WaitAsync(WebhookHost.Timeout),
            await agent.Api.DeleteAsync($"{DeadLetters}/{firstId}").WaitAsync(WebhookHost.Timeout),
        })
        {
            using (refused)
            {
                refused.StatusCode.Should().Be(HttpStatusCode.Forbidden);
                refused.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
            }
        }

        receiver.Status = HttpStatusCode.OK;
        receiver.Received.Clear();
        using var retried = await admin.Api.PostAsync($"{DeadLetters}/{firstId}/retry", null).WaitAsync(WebhookHost.Timeout);
        await host.RunUntilAsync(() => !receiver.Received.IsEmpty, Step);
        using var deleted = await admin.Api.DeleteAsync($"{DeadLetters}/{secondId}").WaitAsync(WebhookHost.Timeout);
        using var deletedAgain = await admin.Api.DeleteAsync($"{DeadLetters}/{secondId}").WaitAsync(WebhookHost.Timeout);
        using var retryDeleted = await admin.Api.PostAsync($"{DeadLetters}/{secondId}/retry", null).WaitAsync(WebhookHost.Timeout);

        retried.StatusCode.Should().Be(HttpStatusCode.Accepted);
        var delivered = receiver.Received.Single();
        delivered.EventId.Should().Be(first, "a retried dead letter is the same event");
        delivered.DeliveryId.Should().Be(firstId);
        delivered.Attempt.Should().Be(1, "an admin's retry starts the count afresh");
        delivered.SignatureValid.Should().BeTrue();
        deleted.StatusCode.Should().Be(HttpStatusCode.NoContent);
        deletedAgain.StatusCode.Should().Be(HttpStatusCode.NotFound);
        deletedAgain.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        retryDeleted.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await ListAsync(admin)).Should().BeEmpty();
        (await host.QueuedAsync(queue)).Should().Be(0);
    }

    [Theory]
    [MemberData(nameof(RedisServers.Kinds), MemberType = typeof(RedisServers))]
    public async Task AReceiverAnswering410StopsThatMessageAtOnceAndTheCapKeepsOnlyTheNewestDeadLetters(RedisServerKind kind)
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Status = HttpStatusCode.Gone;
        var queue = WebhookHost.NewQueue();
        await using var host = WebhookHost.Start(servers, kind, receiver, queue,
            settings: new Dictionary<string, string?> { ["Webhooks:MaxDeadLetters"] = "2" });
        var ids = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            ids.Add((await host.Events.PublishAsync(WebhookEventTypes.CsatSubmitted, new CsatSubmittedData($"s_{i}", "ana", "call", 3, null))
                .WaitAsync(WebhookHost.Timeout))!);
            // One by one, so each dies at its own time and "oldest" means something.
            await host.RunUntilAsync(() => receiver.Received.Count == i + 1, Step);
        }

        var dead = await host.Host.Services.GetRequiredService<WebhookQueue>().DeadLettersAsync(10, default).WaitAsync(WebhookHost.Timeout);

        receiver.Received.Should().HaveCount(3, "one attempt each: 410 is not retried");
        dead.Select(d => d.EventId).Should().Equal([ids[2], ids[1]], "newest first, the oldest dropped to keep 2");
        dead.Should().OnlyContain(d => d.Attempts == 1 && d.LastError == "answered 410 Gone");
        host.Host.Logs.Lines.Should().Contain(l => l.Contains("oldest dead letter(s) dropped", StringComparison.Ordinal));
        (await host.QueuedAsync(queue)).Should().Be(0);
    }

    private static async Task<IReadOnlyList<JsonElement>> ListAsync(AgentClient admin)
    {
        using var listed = await admin.Api.GetAsync(DeadLetters).WaitAsync(WebhookHost.Timeout);
        listed.StatusCode.Should().Be(HttpStatusCode.OK);
        return [.. (await listed.Content.ReadFromJsonAsync<JsonElement>().WaitAsync(WebhookHost.Timeout)).EnumerateArray()];
    }
}
