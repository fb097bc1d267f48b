using PinCovisor.EndToEnd.Browser;
using PinCovisor.EndToEnd.Pages;
using static Microsoft.Playwright.Assertions;

namespace PinCovisor.EndToEnd;

/// <summary>The admins' insight page after a little real activity, on a host of its own so the numbers start at zero.</summary>
[Collection(BrowserCollection.Name)]
public sealed class InsightPageTests(DevelopmentSite site, ITestOutputHelper output)
{
    private const string Charts = "insight-funnel,insight-time-to-join,insight-visual-share,insight-first-response,insight-agents";

    private static readonly float Arrival = Limits.Ms(Limits.Arrival);

    [Fact]
    public async Task AnAdminSeesTheCallDrawnInEveryChartAndDownloadsTheSameNumbersAsCsv()
    {
        await using var host = await DevelopmentSite.StartOwnHostAsync(new Dictionary<string, string?>
        {
            ["Agents:1:Username"] = "bruno",
            ["Agents:1:DisplayName"] = "Bruno",
            ["Agents:1:Password"] = "bruno-development-password",
        });
        var address = host.BaseAddress;
        await using var agent = await site.OpenAsync("agent", Device.Desktop, "en-GB", address);
        await using var customer = await site.OpenAsync("customer", Device.Phone, "es-ES", address);
        await using var other = await site.OpenAsync("agent-bruno", Device.Desktop, "en-GB", address);
        var shots = new Screenshots(nameof(AnAdminSeesTheCallDrawnInEveryChartAndDownloadsTheSameNumbersAsCsv), output, agent, customer, other);

        await Failures.RecordingAsync(shots, output, host, async () =>
        {
            var console = new AgentConsole(agent);
            await console.LogInAsync();
            await using var call = await AnsweredCall.AdmittedAsync(host, console, customer);
            await Chat.SendAsync(customer, "Hola, ¿me enseña la talla?");
            await Chat.ExpectAsync(agent, "customer", "talla");
            await Chat.SendAsync(agent, "Claro, mire la imagen");
            await Chat.ExpectAsync(customer, "agent", "imagen");

            await agent.ById("agent-insight-link").ClickAsync().WaitAsync(Limits.Await);
            await agent.Page.WaitForURLAsync("**/agent/insight").WaitAsync(Limits.Await);
            foreach (var id in Charts.Split(','))
            {
                await Expect(agent.ById(id)).ToBeVisibleAsync(new() { Timeout = Arrival });
                await Expect(agent.ById(id)).ToHaveAttributeAsync("role", "img");
                (await agent.ById(id).GetAttributeAsync("aria-label").WaitAsync(Limits.Await)).Should().NotBeNullOrEmpty();
                await Eventually.UntilAsync(() => DrawnPixelsAsync(agent, id), n => n > 200, $"{id} drawn on its canvas");
            }

            // The numbers behind the charts: one call, each step once, ana's one session.
            var total = agent.ById("insight-days-table").Locator("tbody tr").Last;
            var cells = await total.Locator("td").AllInnerTextsAsync().WaitAsync(Limits.Await);
            cells.Take(6).Should().Equal(["1", "1", "1", "1", "1", "1"], "PIN issued, page opened, PIN typed, admitted, first message, calls with a session");
            cells[6].Should().Be("100 %");
            var anas = agent.ById("insight-agents-table").Locator("tbody tr").Filter(new() { HasText = "ana" });
            (await anas.Locator("td").AllInnerTextsAsync().WaitAsync(Limits.Await))[0].Should().Be("1");
            await shots.TakeAsync("insight");

            var download = await agent.Page.RunAndWaitForDownloadAsync(() => agent.ById("insight-csv").ClickAsync()).WaitAsync(Limits.Await);
            var path = await download.PathAsync().WaitAsync(Limits.Await);
            var lines = (await File.ReadAllTextAsync(path).WaitAsync(Limits.Await)).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
            var header = lines[0].Split(',');
            var today = DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            var voice = lines.Select(l => l.Split(',')).Single(r => r[0] == "day" && r[1] == today && r[2] == "voice");
            foreach (var column in new[] { "pins_issued", "page_opened", "pin_typed", "admitted", "first_message", "visual_calls", "time_to_join_count", "first_response_count" })
            {
                voice[Array.IndexOf(header, column)].Should().Be("1", column);
            }

            lines.Select(l => l.Split(',')).Single(r => r[0] == "agent" && r[3] == "ana")[Array.IndexOf(header, "sessions")].Should().Be("1");

            // The language switch redraws the page in Spanish, charts included.
            await agent.ById("pc-lang").ClickAsync().WaitAsync(Limits.Await);
            await Expect(agent.Page.Locator("main.insight h1")).ToHaveTextAsync("Estadísticas", new() { Timeout = Arrival });
            await Expect(agent.ById("insight-funnel")).ToHaveAttributeAsync("aria-label", new System.Text.RegularExpressions.Regex("^Barras por día"));
            await Eventually.UntilAsync(() => DrawnPixelsAsync(agent, "insight-funnel"), n => n > 200, "the funnel drawn again");

            // Another agent who is not an admin is told so, and gets no numbers.
            await new AgentConsole(other).LogInAsync("bruno", "bruno-development-password");
            await Expect(other.ById("agent-logout")).ToBeVisibleAsync(new() { Timeout = Arrival });
            await Expect(other.ById("agent-insight-link")).ToHaveCountAsync(0);
            await other.Page.GotoAsync("/agent/insight").WaitAsync(Limits.Await);
            await Expect(other.ById("insight-message")).ToContainTextAsync("Only administrators", new() { Timeout = Arrival });
            await Expect(other.ById("insight-funnel")).ToHaveCountAsync(0);
        });

        PageProblems.AssertNone(agent, customer, other);
    }

    // Canvas pixels Chart.js painted (any not fully transparent).
    private static Task<int> DrawnPixelsAsync(Role role, string testId) =>
        role.ById(testId).EvaluateAsync<int>(
            "c => { const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data; let n = 0; for (let i = 3; i < d.length; i += 4) if (d[i] !== 0) n++; return n; }")
            .WaitAsync(Limits.Await);
}
