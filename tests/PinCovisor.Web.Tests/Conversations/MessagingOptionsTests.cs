using Microsoft.Extensions.Options;
using PhoneBridge.Testing.Redis;
using PhoneBridge.Testing.Web;

namespace PinCovisor.Web.Tests.Conversations;

[Collection(RedisCollection.Name)]
public sealed class MessagingOptionsTests(RedisServers servers)
{
    [Theory]
    [InlineData("Messaging:WhatsAppFrom", "+34910000000")]
    [InlineData("Messaging:WhatsAppFrom", "whatsapp:910000000")]
    [InlineData("Messaging:SmsFrom", "whatsapp:+34910000000")]
    [InlineData("Messaging:SmsFrom", "+34 910 000 000")]
    [InlineData("Messaging:LastAgentMemory", "00:00:00")]
    [InlineData("Messaging:AfterHours:ReplyEs", " ")]
    [InlineData("Messaging:AfterHours:ReplyEn", " ")]
    public void InvalidMessagingSettingsStopTheHostNamingTheKey(string key, string value)
    {
        StartRefusal.ShouldStopNaming(servers, key, new Dictionary<string, string?> { [key] = value });
    }
}
