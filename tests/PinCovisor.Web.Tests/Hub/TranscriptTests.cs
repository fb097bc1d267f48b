using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using PhoneBridge.Testing.Media;
using PhoneBridge.Testing.Redis;
using PhoneBridge.Testing.Sessions;
using PinCovisor.Web.Hub;

namespace PinCovisor.Web.Tests.Hub;

[Collection(RedisCollection.Name)]
public sealed class TranscriptTests(RedisServers servers)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [Theory]
    [MemberData(nameof(RedisServers.Kinds), MemberType = typeof(RedisServers))]
    public async Task TheAgentExportsTheEndedSessionAsJsonWithReceiptsAndZoomLeftOut(RedisServerKind kind)
    {
        await using var scenario = await HubScenario.StartAsync(servers, kind);
        var id = scenario.SessionId;
        await scenario.Customer.ChatAsync(id, "¿tenéis la correa en azul?");
        await scenario.Agent.InvokeAsync<long>("Acknowledge", id, 1L, "read");
        await scenario.Agent.InvokeAsync<long>("ShareProduct", id, ShopSettings.StrapId);
        await scenario.Agent.InvokeAsync<long>("SetView", id, new ViewState(2, 0.5, 0.5));
        await scenario.Agent.InvokeAsync<long>("AddStroke", id, new StrokeInput("s", [0.1, 0.1], "#ff0000", 2));
        await scenario.Agent.InvokeAsync<long>("AddStroke", id, new StrokeInput("s", [0.2, 0.2], "#ff0000", 2));
        await scenario.Agent.InvokeAsync("EndSession", id);
        using var http = MediaUploads.ClientFor(scenario.Host, scenario.Session.AgentToken);

        var transcript = await http.GetFromJsonAsync<Transcript>($"/api/sessions/{id}/transcript").WaitAsync(Timeout);

        transcript!.SessionId.Should().Be(id);
        transcript.Lines.Select(l => (l.Seq, l.Role, l.Name, l.Kind, l.Text)).Should().Equal(
            (1L, "customer", "Customer", EventKinds.ChatMessage, "¿tenéis la correa en azul?"),
            (3L, "agent", "Ana", EventKinds.ProductCard, "Product: Blue leather strap, 39.9 EUR"),
            (5L, "agent", "Ana", EventKinds.StrokeAdded, "Drew on the image"),
            (7L, "system", null, EventKinds.SessionEnded, "Session ended (ended-by-agent)"));
    }

    [Theory]
    [MemberData(nameof(RedisServers.Kinds), MemberType = typeof(RedisServers))]
    public async Task TheCsvTranscriptDisarmsFormulasAndQuotesLineBreaks(RedisServerKind kind)
    {
        await using var scenario = await HubScenario.StartAsync(servers, kind);
        var id = scenario.SessionId;
        string[] typed = ["=cmd|' /C calc'!A0", "+34 600", "-1", "@SUM(A1)", "línea uno\nlínea \"dos\", fin"];
        foreach (var text in typed)
        {
            await scenario.Customer.ChatAsync(id, text);
        }

        await scenario.Agent.InvokeAsync<long>("ShareProduct", id, ShopSettings.NoPictureId);
        using var http = MediaUploads.ClientFor(scenario.Host, scenario.Session.AgentToken);

        using var response = await http.GetAsync($"/api/sessions/{id}/transcript?format=csv").WaitAsync(Timeout);
        var csv = await response.Content.ReadAsStringAsync().WaitAsync(Timeout);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("text/csv");
        response.Content.Headers.ContentDisposition!.FileName.Should().Contain($"transcript-{id}.csv");
        var rows = csv.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        rows[0].Should().Be("seq,time,role,name,kind,text");
        rows.Skip(1).Select(r => r[(r.LastIndexOf(",chat.message,", StringComparison.Ordinal) + 1)..]).Take(5).Should().Equal(
            "chat.message,'=cmd|' /C calc'!A0",
            "chat.message,'+34 600",
            "chat.message,'-1",
            "chat.message,'@SUM(A1)",
            "chat.message,\"línea uno\nlínea \"\"dos\"\", fin\"");
        rows[^1].Should().EndWith(",agent,Ana,product.card,\"Product: =HYPERLINK(\"\"http://evil.example\"\"), 10 EUR\"",
            "a product title is inside the summary, which starts with a letter");
        rows[1].Split(',')[1].Should().MatchRegex(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$");
    }

    [Theory]
    [MemberData(nameof(RedisServers.Kinds), MemberType = typeof(RedisServers))]
    public async Task OnlyTheAgentInChargeMayExportATranscript(RedisServerKind kind)
    {
        await using var scenario = await HubScenario.StartAsync(servers, kind);
        var id = scenario.SessionId;
        using var bruno = MediaUploads.ClientFor(scenario.Host, await SessionSeeder.AgentTokenAsync(scenario.Host, "bruno"));
        using var customer = MediaUploads.ClientFor(scenario.Host, scenario.Session.CustomerToken);
        using var anonymous = scenario.Host.CreateLoopbackClient();
        using var ana = MediaUploads.ClientFor(scenario.Host, scenario.Session.AgentToken);

        (await StatusAsync(bruno, $"/api/sessions/{id}/transcript")).Should().Be((HttpStatusCode.Forbidden, "application/problem+json"));
        (await StatusAsync(customer, $"/api/sessions/{id}/transcript")).Status.Should().Be(HttpStatusCode.Forbidden);
        (await StatusAsync(anonymous, $"/api/sessions/{id}/transcript")).Status.Should().Be(HttpStatusCode.Unauthorized);
        (await StatusAsync(ana, "/api/sessions/s_AAAAAAAAAAAAAAAAAAAAAA/transcript")).Should().Be((HttpStatusCode.NotFound, "application/problem+json"));
        (await StatusAsync(ana, $"/api/sessions/{id}/transcript?format=xml")).Should().Be((HttpStatusCode.BadRequest, "application/problem+json"));
        (await StatusAsync(ana, $"/api/sessions/{id}/transcript?format=CSV")).Status.Should().Be(HttpStatusCode.OK);
    }

    private static async Task<(HttpStatusCode Status, string? MediaType)> StatusAsync(HttpClient http, string path)
    {
        using var response = await http.GetAsync(path).WaitAsync(Timeout);
        return (response.StatusCode, response.Content.Headers.ContentType?.MediaType);
    }
}
