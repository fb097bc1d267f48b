using PhoneBridge.Testing.Web;

namespace PinCovisor.Web.Tests.Agents;

public sealed class RedisDownTests
{
    [Fact]
    public async Task WithRedisUnreachableFromStartTheIvrRingsTheConfiguredAgents()
    {
        await using var host = new PinCovisorHost(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Redis"] = $"127.0.0.1:{LoopbackPorts.Unused()},connectTimeout=500",
            ["Ivr:StateTimeout"] = "00:00:01",
        });
        var twilio = new TwilioCaller(host.CreateLoopbackClient());

        var route = await twilio.TwiMLAsync("/twilio/voice/route?attempt=1", TwilioCaller.InboundCall(TwilioCaller.NewCallSid()));

        route.Verbs("Number").Select(n => n.Value).Should().Equal("+34600000001", "+34600000002");
        route.Verbs("Client").Select(n => n.Value).Should().Equal("ana");
    }

}
