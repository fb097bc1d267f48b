using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using PhoneBridge.Calls;
using PhoneBridge.Testing.Agents;
using PhoneBridge.Testing.Hub;
using PhoneBridge.Testing.Redis;
using PhoneBridge.Testing.Sessions;
using PhoneBridge.Testing.Web;
using PinCovisor.Web.Conversations;
using PinCovisor.Web.Hub;
using PinCovisor.Web.Sessions;

namespace PinCovisor.Web.Tests.Retention;

/// <summary><c>DELETE /api/customers/{phone}</c> and its export, on the real host and the real Redis servers.</summary>
[Collection(RedisCollection.Name)]
public sealed class CustomerErasureTests(RedisServers servers)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [Theory]
    [MemberData(nameof(RedisServers.Kinds), MemberType = typeof(RedisServers))]
    public async Task ErasingANumberRemovesItsCallSessionImageAndConversationFromRedisAndLeavesOtherNumbersAlone(RedisServerKind kind)
    {
        await using var shop = await RetentionShop.StartAsync(servers, kind);
        var number = AgentHosts.NewPhoneNumber();
        var other = AgentHosts.NewPhoneNumber();
        var callSid = await shop.CallAsync(number);
        var sessionId = await shop.SessionWithChatAndImageAsync(callSid);
        var conversationId = await shop.WhatsAppAsync(number, "¿Llega mañana mi pedido?");
        var otherCall = await shop.CallAsync(other);
        var otherSession = await shop.SessionWithChatAndImageAsync(otherCall);
        var otherConversation = await shop.WhatsAppAsync(other, "Hola");

        var export = await shop.ExportAsync(number);
        using var erased = await shop.EraseAsync(number);
        var body = (await erased.Content.ReadFromJsonAsync<JsonObject>().WaitAsync(Timeout))!;

        export["phone"]!.GetValue<string>().Should().Be(PhoneNumberMask.Mask(number));
        export["calls"]!.AsArray().Select(c => c!["callSid"]!.GetValue<string>()).Should().Equal(callSid);
        var sessions = export["sessions"]!.AsArray().Select(s => s!.AsObject()).ToList();
        sessions.Select(s => s["id"]!.GetValue<string>()).Should().BeEquivalentTo([sessionId, conversationId]);
        var call = sessions.Single(s => s["id"]!.GetValue<string>() == sessionId);
        Texts(call).Should().Contain("Hola, ¿qué pedido es?");
        var image = call["media"]!.AsArray().Should().ContainSingle().Subject!;
        image["contentType"]!.GetValue<string>().Should().Be("image/jpeg");
        Convert.FromBase64String(image["base64"]!.GetValue<string>()).Length.Should().Be(image["bytes"]!.GetValue<int>());
        var conversation = sessions.Single(s => s["id"]!.GetValue<string>() == conversationId);
        conversation["conversation"]!["channel"]!.GetValue<string>().Should().Be("WhatsApp");
        Texts(conversation).Should().Contain("¿Llega mañana mi pedido?");
        export.ToJsonString().Should().NotContain(number[1..], "the export names the number masked only");

        erased.StatusCode.Should().Be(HttpStatusCode.OK);
        body["phone"]!.GetValue<string>().Should().Be(PhoneNumberMask.Mask(number));
        var removed = body["removed"]!;
        (removed["calls"]!.GetValue<int>(), removed["sessions"]!.GetValue<int>(), removed["media"]!.GetValue<int>(),
            removed["conversations"]!.GetValue<int>(), removed["pins"]!.GetValue<int>(), removed["csat"]!.GetValue<int>())
            .Should().Be((1, 2, 1, 1, 1, 0));
        removed["events"]!.GetValue<int>().Should().BeGreaterThanOrEqualTo(2, "the agent's line and the WhatsApp message");

        (await shop.KeysAsync($"pb:{{session:{sessionId}}}")).Should().BeEmpty();
        (await shop.KeysAsync($"pb:{{session:{conversationId}}}")).Should().BeEmpty();
        (await shop.KeysAsync($"pb:{{call:{callSid}}}")).Should().BeEmpty();
        (await shop.Db.KeyExistsAsync(SessionKeys.CallSession(callSid)).WaitAsync(Timeout)).Should().BeFalse();
        (await shop.Db.KeyExistsAsync(ConversationKeys.Open(ConversationKeys.Hash("whatsapp:" + number))).WaitAsync(Timeout)).Should().BeFalse();
        (await shop.Db.SetContainsAsync(SessionKeys.AgentSessions("ana"), sessionId).WaitAsync(Timeout)).Should().BeFalse();

        (await shop.KeysAsync($"pb:{{session:{otherSession}}}")).Should().Contain(k => k.Contains(":media:", StringComparison.Ordinal));
        (await shop.KeysAsync($"pb:{{session:{otherConversation}}}")).Should().Contain(k => k.EndsWith(":events", StringComparison.Ordinal));
        (await shop.KeysAsync($"pb:{{call:{otherCall}}}")).Should().Contain(k => k.EndsWith(":call", StringComparison.Ordinal));
        (await shop.ExportAsync(other))["sessions"]!.AsArray().Should().HaveCount(2);
    }

    [Theory]
    [MemberData(nameof(RedisServers.Kinds), MemberType = typeof(RedisServers))]
    public async Task ErasingAgainRemovesNothingAndTheWhatsAppSpellingNamesTheSameCustomer(RedisServerKind kind)
    {
        await using var shop = await RetentionShop.StartAsync(servers, kind);
        var number = AgentHosts.NewPhoneNumber();
        var conversationId = await shop.WhatsAppAsync(number, "Hola");

        using var first = await shop.EraseAsync("whatsapp:" + number);
        using var second = await shop.EraseAsync(number);

        first.StatusCode.Should().Be(HttpStatusCode.OK);
        (await first.Content.ReadFromJsonAsync<JsonObject>().WaitAsync(Timeout))!["removed"]!["conversations"]!.GetValue<int>().Should().Be(1);
        (await shop.KeysAsync($"pb:{{session:{conversationId}}}")).Should().BeEmpty();
        second.StatusCode.Should().Be(HttpStatusCode.OK);
        var again = (await second.Content.ReadFromJsonAsync<JsonObject>().WaitAsync(Timeout))!["removed"]!.AsObject();
        again.Select(p => p.Value!.GetValue<int>()).Should().AllBeEquivalentTo(0);
        (await shop.ExportAsync(number))["sessions"]!.AsArray().Should().BeEmpty();
    }

    [Theory]
    [MemberData(nameof(RedisServers.Kinds), MemberType = typeof(RedisServers))]
    public async Task ALiveSessionIsClosedBeforeItIsErasedAndItsPeopleAreToldWhy(RedisServerKind kind)
    {
        await using var shop = await RetentionShop.StartAsync(servers, kind);
        var number = AgentHosts.NewPhoneNumber();
        var sessionId = await shop.SessionWithChatAndImageAsync(await shop.CallAsync(number));
        await using var ana = await HubClient.ConnectRecordingAsync(shop.Host.BaseAddress, await SessionSeeder.AgentTokenAsync(shop.Host, "ana"));
        await ana.JoinAsync(sessionId);

        using var erased = await shop.EraseAsync(number);

        erased.StatusCode.Should().Be(HttpStatusCode.OK);
        var ended = await ana.Events.WaitAsync(
            () => ana.Events.Arrivals.Where(e => e.SessionId == sessionId && e.Kind == EventKinds.SessionEnded).ToList(), e => e.Count > 0);
        ended[0].DataAs<SessionEnded>().Reason.Should().Be("erased");
        var digits = number[1..];
        var audit = shop.Host.Logs.Lines.Where(l => l.Contains("Id: 3900", StringComparison.Ordinal)).Should().ContainSingle().Subject;
        // The message and its own properties; the request's scope (RequestPath) is the host's, see docs/privacy.md.
        var message = audit[..audit.IndexOf(" RequestId=", StringComparison.Ordinal)];
        message.Should().Contain(PhoneNumberMask.Mask(number)).And.Contain(shop.AdminName).And.NotContain(digits);
    }

    [Theory]
    [MemberData(nameof(RedisServers.Kinds), MemberType = typeof(RedisServers))]
    public async Task OnlyAdminsMayEraseOrExportAndABadNumberIsAProblem(RedisServerKind kind)
    {
        await using var shop = await RetentionShop.StartAsync(servers, kind);
        var number = AgentHosts.NewPhoneNumber();
        var callSid = await shop.CallAsync(number);

        using var byClerk = await shop.EraseAsync(number, shop.Clerk);
        using var exportByClerk = await shop.Clerk.Api.GetAsync($"/api/customers/{number}/export").WaitAsync(Timeout);
        using var anonymous = await shop.Host.CreateLoopbackClient().DeleteAsync($"/api/customers/{number}").WaitAsync(Timeout);

        byClerk.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        exportByClerk.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        anonymous.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await shop.KeysAsync($"pb:{{call:{callSid}}}")).Should().NotBeEmpty();
        foreach (var bad in new[] { "600111222", "+0123456789", "+34", "whatsapp:600111222", "+3460011122233344", "%2B34abc" })
        {
            using var response = await shop.EraseAsync(bad);
            response.StatusCode.Should().Be(HttpStatusCode.BadRequest, bad);
            response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        }
    }

    private static List<string?> Texts(JsonObject session) =>
        [.. session["events"]!.AsArray().Select(e => e!["data"]?["text"]?.GetValue<string>())];
}
