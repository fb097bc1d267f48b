using Microsoft.Extensions.Hosting;
using PhoneBridge.Testing.Web;
using PinCovisor.EndToEnd.Browser;
using PinCovisor.EndToEnd.Pages;
using static Microsoft.Playwright.Assertions;

namespace PinCovisor.EndToEnd;

/// <summary>
/// The phone simulator in queue routing, on a host of this test's own (Development, plus an agent who
/// has only a phone number and an agent code): the agent calls the agent line from that number, the
/// line asks for the code, and the simulator's keypad keys it as the agent's phone would.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class PhoneSimulatorQueueTests(DevelopmentSite site, ITestOutputHelper output)
{
    private const string CarmensNumber = "+34600333444";

    [Fact]
    public async Task AnAgentCallingInFromTheirPhoneKeysTheirCodeAndTakesTheQueuedCaller()
    {
        await using var host = await DevelopmentSite.StartOwnHostAsync(new Dictionary<string, string?>
        {
            ["Ivr:Routing"] = "Enqueue",
            ["Agents:1:Username"] = "carmen",
            ["Agents:1:DisplayName"] = "Carmen",
            ["Agents:1:PhoneNumbers:0"] = CarmensNumber,
            ["Agents:1:Code"] = "4802137",
        });
        var address = host.BaseAddress;
        await using var phone = await site.OpenAsync("phone", Device.Phone, "es-ES", address);
        var shots = new Screenshots(nameof(AnAgentCallingInFromTheirPhoneKeysTheirCodeAndTakesTheQueuedCaller), output, phone);
        var simulator = new PhoneSimulator(phone);

        try
        {
            await simulator.CallAsync("+34 600 123 456");
            await simulator.TakeFromQueueAsync(CarmensNumber, "4802137");
            await Expect(phone.ById("phone-status")).ToHaveAttributeAsync("data-state", "connected", new() { Timeout = Limits.Ms(Limits.Arrival) });
            await shots.TakeAsync("taken");
        }
        finally
        {
            foreach (var line in host.Logs.Lines.Where(l => l.StartsWith("Warning", StringComparison.Ordinal) || l.StartsWith("Error", StringComparison.Ordinal)).TakeLast(20))
            {
                output.WriteLine($"[host] {line}");
            }
        }

        (await phone.ById("phone-agent-say").AllTextContentsAsync().WaitAsync(Limits.Await))
            .Should().StartWith(["Línea de agentes. Marque su código de agente y pulse la tecla almohadilla."]);
        (await phone.ById("phone-say").AllTextContentsAsync().WaitAsync(Limits.Await)).Should().Contain("Le atiende Carmen.");
        host.Logs.Lines.Should().Contain(l => l.Contains("AgentCodeAccepted", StringComparison.Ordinal) && l.Contains("carmen", StringComparison.Ordinal));
        await simulator.HangUpAsync();
        PageProblems.AssertNone(phone);
    }
}
