using Microsoft.Extensions.Options;
using PhoneBridge.Testing.Redis;
using PhoneBridge.Testing.Web;
using PinCovisor.Web.Sessions;

namespace PinCovisor.Web.Tests.Sessions;

[Collection(RedisCollection.Name)]
public sealed class SessionOptionsTests(RedisServers servers)
{
    [Theory]
    [InlineData("Join:MaxFailuresPerClient", "0")]
    [InlineData("Join:GlobalFailureBudget", "-1")]
    [InlineData("Join:FailureWindow", "00:00:00")]
    [InlineData("Join:GlobalWindow", "00:00:00")]
    [InlineData("Join:TokenLifetime", "00:00:00")]
    [InlineData("Sessions:Lifetime", "00:00:00")]
    [InlineData("Sessions:CallEndGrace", "2.00:00:00")]
    [InlineData("Sessions:PublicBaseUrl", "/relative")]
    public void InvalidSettingsStopTheHostNamingTheKey(string key, string value)
    {
        StartRefusal.ShouldStopNaming(servers, key, new Dictionary<string, string?> { [key] = value });
    }

    [Fact]
    public void DefaultsAreAgentAdmissionTenFailuresInTenMinutesAThousandADayAndFourHourTokens()
    {
        var join = new JoinOptions();
        var sessions = new SessionsOptions();

        join.Admission.Should().Be(JoinAdmission.Agent);
        join.MaxFailuresPerClient.Should().Be(10);
        join.FailureWindow.Should().Be(TimeSpan.FromMinutes(10));
        join.GlobalFailureBudget.Should().Be(1000);
        join.GlobalWindow.Should().Be(TimeSpan.FromDays(1));
        join.TokenLifetime.Should().Be(TimeSpan.FromHours(4));
        sessions.Lifetime.Should().Be(TimeSpan.FromHours(24));
        sessions.CallEndGrace.Should().Be(TimeSpan.FromMinutes(2));
        sessions.PublicBaseUrl.Should().BeNull();
    }
}
