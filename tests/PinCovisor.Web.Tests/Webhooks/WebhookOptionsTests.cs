using Microsoft.Extensions.Options;
using PhoneBridge.Testing.Redis;
using PhoneBridge.Testing.Web;
using PinCovisor.Web.Webhooks;

namespace PinCovisor.Web.Tests.Webhooks;

[Collection(RedisCollection.Name)]
public sealed class WebhookOptionsTests(RedisServers servers)
{
    [Theory]
    [InlineData("Webhooks:Endpoints:0:Url", "http://crm.shop.example/hooks")]
    [InlineData("Webhooks:Endpoints:0:Url", "/hooks")]
    [InlineData("Webhooks:Endpoints:0:Secret", "too-short-a-secret")]
    [InlineData("Webhooks:Endpoints:0:Name", "crm:{other}")]
    [InlineData("Webhooks:Endpoints:0:Events", "order.shipped")]
    [InlineData("Webhooks:Timeout", "00:00:00")]
    [InlineData("Webhooks:MaxAttempts", "0")]
    [InlineData("Webhooks:BackoffCap", "00:00:01")]
    [InlineData("Webhooks:Queue", "{shared}")]
    [InlineData("Webhooks:PublicBaseUrl", "/relative")]
    public void InvalidSettingsStopTheHostNamingTheKey(string key, string value)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Webhooks:Endpoints:0:Name"] = "crm",
            ["Webhooks:Endpoints:0:Url"] = "https://crm.shop.example/hooks",
            ["Webhooks:Endpoints:0:Secret"] = WebhookReceiver.Secret,
        };
        settings[key.EndsWith(":Events", StringComparison.Ordinal) ? key + ":0" : key] = value;

        StartRefusal.ShouldStopNaming(servers, key, settings);
    }

    [Fact]
    public void DefaultsAreTenSecondsFifteenAttemptsWithinADayFromTenSecondsToTwoHoursAndAThousandDeadLetters()
    {
        var options = new WebhooksOptions();

        options.Endpoints.Should().BeEmpty();
        options.Timeout.Should().Be(TimeSpan.FromSeconds(10));
        options.MaxAttempts.Should().Be(15);
        options.MaxAge.Should().Be(TimeSpan.FromHours(24));
        (options.BackoffBase, options.BackoffCap).Should().Be((TimeSpan.FromSeconds(10), TimeSpan.FromHours(2)));
        options.PollInterval.Should().Be(TimeSpan.FromSeconds(1));
        options.MaxDeadLetters.Should().Be(1000);
        options.Queue.Should().Be("webhooks");
        Enumerable.Range(1, 20).Select(a => WebhookDispatcher.Backoff(options, a))
            .Should().OnlyContain(d => d >= TimeSpan.Zero && d <= options.BackoffCap);
        WebhookDispatcher.Backoff(options, 1).Should().BeLessThanOrEqualTo(options.BackoffBase);
    }
}
