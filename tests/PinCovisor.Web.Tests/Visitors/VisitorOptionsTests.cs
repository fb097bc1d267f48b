using Microsoft.Extensions.Options;
using PhoneBridge.Testing.Redis;
using PhoneBridge.Testing.Web;

namespace PinCovisor.Web.Tests.Visitors;

[Collection(RedisCollection.Name)]
public sealed class VisitorOptionsTests(RedisServers servers)
{
    [Theory]
    [InlineData("Visitors:Lifetime", "00:00:00")]
    [InlineData("Visitors:LiveWindow", "01:00:00")]
    [InlineData("Visitors:InvitationLifetime", "00:00:00")]
    [InlineData("Visitors:MaxPageViewsPerMinute", "0")]
    [InlineData("Visitors:MaxNewVisitorsPerMinute", "0")]
    [InlineData("Visitors:MaxUnknownVisitorsPerMinute", "0")]
    [InlineData("Visitors:Admission", "7")]
    [InlineData("Visitors:MaxListed", "0")]
    [InlineData("Visitors:TokenLifetime", "00:00:00")]
    public void InvalidVisitorSettingsStopTheHostNamingTheKey(string key, string value)
    {
        StartRefusal.ShouldStopNaming(servers, key, new Dictionary<string, string?> { [key] = value });
    }
}
