using System.Net;
using PhoneBridge.Testing.Agents;
using PhoneBridge.Testing.Redis;
using PhoneBridge.Testing.Sessions;
using PhoneBridge.Testing.Web;

namespace PinCovisor.Web.Tests.Hosting;

[Collection(RedisCollection.Name)]
public sealed class QuietLogTests(RedisServers servers)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task StaticFilesAndPollsStayOutOfTheInformationLogAndEachAnswerIsOneLine()
    {
        await using var host = AgentHosts.Start(servers, RedisServerKind.Garnet, new Dictionary<string, string?> { ["Agents:0:Password"] = "ana-quiet-pw" });
        using var ana = await AgentClient.LogInAsync(host, "ana", "ana-quiet-pw");
        var twilio = new TwilioCaller(host.CreateLoopbackClient());
        var calls = new[] { await Caller.CallAsync(twilio), await Caller.CallAsync(twilio) };
        foreach (var call in calls)
        {
            await Caller.AnswerAsync(twilio, call.CallSid);
        }

        using var page = await ana.Browser.GetAsync("/agent").WaitAsync(Timeout);
        using var icon = await ana.Browser.GetAsync("/agent/icon.svg").WaitAsync(Timeout);
        for (var i = 0; i < 3; i++)
        {
            using var poll = await ana.Api.GetAsync("/api/calls/live").WaitAsync(Timeout);
            poll.StatusCode.Should().Be(HttpStatusCode.OK);
        }

        page.StatusCode.Should().Be(HttpStatusCode.OK);
        icon.StatusCode.Should().Be(HttpStatusCode.OK);
        var lines = host.Logs.Lines.ToList();
        lines.Should().NotContain(l => l.StartsWith("Information Serilog.AspNetCore.RequestLoggingMiddleware", StringComparison.Ordinal),
            "requests are logged at Debug, so pages, static files and polls do not bury the call events");
        lines.Should().NotContain(l => l.StartsWith("Information", StringComparison.Ordinal) && l.Contains("/api/calls/live", StringComparison.Ordinal));
        foreach (var call in calls)
        {
            lines.Where(l => l.StartsWith("Information", StringComparison.Ordinal) && l.Contains(call.CallSid, StringComparison.Ordinal)
                    && l.Contains("answered by agent", StringComparison.OrdinalIgnoreCase))
                .Should().ContainSingle($"one line says who answered {call.CallSid}; its lines: {string.Join(" | ", lines.Where(l => l.Contains(call.CallSid, StringComparison.Ordinal)).Select(l => l[..Math.Min(l.Length, 160)]))}");
        }
    }
}
