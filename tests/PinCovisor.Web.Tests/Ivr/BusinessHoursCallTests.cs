using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using PhoneBridge.Testing.Redis;
using PhoneBridge.Testing.Web;

namespace PinCovisor.Web.Tests.Ivr;

[Collection(RedisCollection.Name)]
public sealed class BusinessHoursCallTests(RedisServers servers)
{
    private static readonly Dictionary<string, string?> WeekdayMornings = new()
    {
        ["BusinessHours:TimeZone"] = "Europe/Madrid",
        ["BusinessHours:Weekly:Monday"] = "09:00-14:00",
        ["BusinessHours:Weekly:Tuesday"] = "09:00-14:00, 16:00-20:00",
    };

    [Theory]
    // 2026-11-23 is a Monday. 08:30Z is 09:30 in Madrid (CET, UTC+1): open.
    [InlineData("2026-11-23T08:30:00Z", true)]
    // 07:30Z is 08:30 in Madrid: not yet open, although it is past 08:00 UTC... and 09:00 in London.
    [InlineData("2026-11-23T07:30:00Z", false)]
    // Tuesday 15:30 Madrid (14:30Z) falls between the two ranges.
    [InlineData("2026-11-24T14:30:00Z", false)]
    // Tuesday 16:30 Madrid.
    [InlineData("2026-11-24T15:30:00Z", true)]
    // Sunday is not listed: closed all day.
    [InlineData("2026-11-22T10:00:00Z", false)]
    public async Task OutsideOpeningHoursTheCallerHearsTheClosedMessageAndGetsNoPin(string utcNow, bool open)
    {
        var clock = new FakeTimeProvider(DateTimeOffset.Parse(utcNow, System.Globalization.CultureInfo.InvariantCulture));
        await using var host = HostFactory.Start(servers, RedisServerKind.Garnet, WeekdayMornings,
            services => services.AddSingleton<TimeProvider>(clock));
        var twilio = new TwilioCaller(host.CreateLoopbackClient());

        var twiml = await twilio.TwiMLAsync("/twilio/voice", TwilioCaller.InboundCall(TwilioCaller.NewCallSid()));

        twiml.PinsRead().Should().HaveCount(open ? 2 : 0);
        twiml.Verbs("Hangup").Any().Should().Be(!open);
        if (!open)
        {
            twiml.Spoken().Should().ContainSingle().Which.Should().Contain("cerrados");
        }
    }
}
