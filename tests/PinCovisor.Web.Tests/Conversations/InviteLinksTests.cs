using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using PhoneBridge.Twilio;
using PhoneBridge.Twilio.Messaging;
using PinCovisor.Web.Conversations;

namespace PinCovisor.Web.Tests.Conversations;

/// <summary>The escalation link points at the shop's join page, found as the IVR's text with the PIN finds it.</summary>
public sealed class InviteLinksTests
{
    [Theory]
    [InlineData(null, null, "http://127.0.0.1:5080/join?invite=s_a.b")]
    [InlineData(null, "https://public.example/", "https://public.example/join?invite=s_a.b")]
    [InlineData("https://tienda.example/ayuda", "https://public.example", "https://tienda.example/ayuda?invite=s_a.b")]
    [InlineData("https://tienda.example/join?utm_source=whatsapp", null, "https://tienda.example/join?utm_source=whatsapp&invite=s_a.b")]
    public void TheLinkIsOnTheJoinUrlElseThePublicBaseElseThisHost(string? joinUrl, string? baseUrlOverride, string expected)
    {
        var links = new InviteLinks(Options.Create(new SmsOptions { JoinUrl = joinUrl }), Options.Create(new TwilioOptions { BaseUrlOverride = baseUrlOverride }));
        var request = new DefaultHttpContext().Request;
        request.Scheme = "http";
        request.Host = new HostString("127.0.0.1", 5080);

        links.For(request, "s_a.b").ToString().Should().Be(expected);
    }
}
