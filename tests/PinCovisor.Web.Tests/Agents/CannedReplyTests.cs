using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using PhoneBridge.Testing.Agents;
using PhoneBridge.Testing.Redis;
using PinCovisor.Web.Agents;

namespace PinCovisor.Web.Tests.Agents;

[Collection(RedisCollection.Name)]
public sealed class CannedReplyTests(RedisServers servers)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [Theory]
    [MemberData(nameof(RedisServers.Kinds), MemberType = typeof(RedisServers))]
    public async Task ConfiguredRepliesAreListedToAgentsAndTheirShortcutsExpand(RedisServerKind kind)
    {
        var shortcut = NewShortcut();
        await using var host = AgentHosts.Start(servers, kind, new Dictionary<string, string?>
        {
            ["Agents:0:Password"] = "ana-dev-password",
            ["CannedReplies:0:Shortcut"] = shortcut,
            ["CannedReplies:0:Text"] = "Enviamos en 24-48 h laborables.",
        });
        using var ana = await AgentClient.LogInAsync(host, "ana", "ana-dev-password");
        var replies = host.Services.GetRequiredService<RedisCannedReplies>();

        var listed = await ana.Browser.GetFromJsonAsync<JsonArray>("/api/canned-replies").WaitAsync(Timeout);

        listed!.Select(r => r!.ToJsonString()).Should().Contain($$"""{"shortcut":"{{shortcut}}","text":"Enviamos en 24-48 h laborables."}""");
        (await replies.ExpandAsync(shortcut).WaitAsync(Timeout)).Should().Be("Enviamos en 24-48 h laborables.");
        (await replies.ExpandAsync($"  {shortcut.ToUpperInvariant()} ").WaitAsync(Timeout)).Should().Be("Enviamos en 24-48 h laborables.");
        (await replies.ExpandAsync($"{shortcut} please").WaitAsync(Timeout)).Should().Be($"{shortcut} please");
        (await replies.ExpandAsync("hola").WaitAsync(Timeout)).Should().Be("hola");
    }

    // redis-server only: the second host must see what the first wrote.
    [Fact]
    public async Task AdminsAddAndRemoveRepliesAndARemovedConfiguredReplyStaysRemovedOnANewHost()
    {
        var configured = NewShortcut();
        var added = NewShortcut();
        var admin = AgentHosts.NewUsername("admin");
        var settings = AgentHosts.Agent(2, admin, password: "admin-password", isAdmin: true);
        settings["CannedReplies:0:Shortcut"] = configured;
        settings["CannedReplies:0:Text"] = "Configured text";
        await using (var first = AgentHosts.Start(servers, RedisServerKind.Redis, settings))
        {
            using var client = await AgentClient.LogInAsync(first, admin, "admin-password");
            using var add = await client.Api.PostAsJsonAsync("/api/admin/canned-replies", new { shortcut = added, text = "Added text" }).WaitAsync(Timeout);
            using var remove = await client.Api.DeleteAsync($"/api/admin/canned-replies/{configured[1..]}").WaitAsync(Timeout);
            add.StatusCode.Should().Be(HttpStatusCode.Created);
            remove.StatusCode.Should().Be(HttpStatusCode.NoContent);
        }

        await using var second = AgentHosts.Start(servers, RedisServerKind.Redis, settings);
        using var again = await AgentClient.LogInAsync(second, admin, "admin-password");
        var listed = await again.Api.GetFromJsonAsync<JsonArray>("/api/canned-replies").WaitAsync(Timeout);

        var shortcuts = listed!.Select(r => r!["shortcut"]!.GetValue<string>()).ToList();
        shortcuts.Should().Contain(added).And.NotContain(configured);
    }

    [Fact]
    public async Task InvalidRepliesAre400TakenShortcutsAre409UnknownOnes404AndOnlyAdminsMayEdit()
    {
        var admin = AgentHosts.NewUsername("admin");
        var settings = AgentHosts.Agent(2, admin, password: "admin-password", isAdmin: true);
        settings["Agents:0:Password"] = "ana-dev-password";
        settings["CannedReplies:0:Shortcut"] = "/envio";
        settings["CannedReplies:0:Text"] = "Configured text";
        await using var host = AgentHosts.Start(servers, RedisServerKind.Garnet, settings);
        using var client = await AgentClient.LogInAsync(host, admin, "admin-password");
        using var ana = await AgentClient.LogInAsync(host, "ana", "ana-dev-password");

        using var invalid = await client.Api.PostAsJsonAsync("/api/admin/canned-replies", new { shortcut = "envio", text = "" }).WaitAsync(Timeout);
        using var taken = await client.Api.PostAsJsonAsync("/api/admin/canned-replies", new { shortcut = "/envio", text = "Other" }).WaitAsync(Timeout);
        using var unknown = await client.Api.DeleteAsync("/api/admin/canned-replies/nothing-here").WaitAsync(Timeout);
        using var notAdmin = await ana.Api.PostAsJsonAsync("/api/admin/canned-replies", new { shortcut = "/x", text = "x" }).WaitAsync(Timeout);

        invalid.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await invalid.Content.ReadFromJsonAsync<JsonObject>().WaitAsync(Timeout))!["errors"]!.AsObject().Select(e => e.Key)
            .Should().BeEquivalentTo(["shortcut", "text"]);
        taken.StatusCode.Should().Be(HttpStatusCode.Conflict);
        unknown.StatusCode.Should().Be(HttpStatusCode.NotFound);
        notAdmin.StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    private static string NewShortcut() => "/t" + RandomNumberGenerator.GetHexString(8, lowercase: true);
}
