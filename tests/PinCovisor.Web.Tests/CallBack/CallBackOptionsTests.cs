using Microsoft.Extensions.Options;
using PhoneBridge.Testing.Redis;
using PhoneBridge.Testing.Web;

namespace PinCovisor.Web.Tests.CallBack;

[Collection(RedisCollection.Name)]
public sealed class CallBackOptionsTests(RedisServers servers)
{
    [Theory]
    [InlineData("CallBack:From", "910000000")]
    [InlineData("CallBack:From", "+34 910 000 000")]
    [InlineData("CallBack:DefaultRegion", "es")]
    [InlineData("CallBack:DefaultRegion", "ESP")]
    [InlineData("CallBack:RequestInterval", "00:00:00")]
    [InlineData("CallBack:RequestInterval", "02:00:00")]
    public void InvalidCallBackSettingsStopTheHostNamingTheKey(string key, string value)
    {
        StartRefusal.ShouldStopNaming(servers, key, new Dictionary<string, string?> { [key] = value });
    }
}
