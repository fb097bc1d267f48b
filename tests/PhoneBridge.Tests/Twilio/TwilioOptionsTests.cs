using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

using PhoneBridge.Twilio;

namespace PhoneBridge.Tests.Twilio;

public sealed class TwilioOptionsTests
{
    [Fact]
    public async Task AMissingAuthTokenStopsTheHostFromStartingAndNamesTheKey()
    {
        using IHost host = Build(new() { ["Twilio:AccountSid"] = "AC1" });

        Func<Task> start = () => host.StartAsync().WaitAsync(TimeSpan.FromSeconds(30));

        await start.Should().ThrowAsync<OptionsValidationException>().WithMessage("*Twilio:AuthToken is required*");
    }

    [Theory]
    [InlineData("shop.example/phone")]
    [InlineData("ftp://shop.example/")]
    public async Task ABaseUrlOverrideThatIsNotAnAbsoluteHttpUrlStopsTheHostFromStarting(string value)
    {
        using IHost host = Build(new() { ["Twilio:AuthToken"] = "token", ["Twilio:BaseUrlOverride"] = value });

        Func<Task> start = () => host.StartAsync().WaitAsync(TimeSpan.FromSeconds(30));

        await start.Should().ThrowAsync<OptionsValidationException>().WithMessage("*Twilio:BaseUrlOverride*");
    }

    [Theory]
    [InlineData("Twilio:ApiBaseUrl", "http://127.0.0.1:5000/api?x=1", "Twilio:ApiBaseUrl")]
    [InlineData("Twilio:ApiBaseUrl", "api.twilio.com", "Twilio:ApiBaseUrl")]
    [InlineData("Twilio:ApiAttemptTimeout", "00:01:00", "Twilio:ApiAttemptTimeout")]
    [InlineData("Twilio:ApiAttemptTimeout", "00:00:00", "Twilio:ApiAttemptTimeout")]
    public async Task ARestSettingOutOfRangeStopsTheHostFromStartingAndNamesTheKey(string key, string value, string named)
    {
        using IHost host = Build(new() { ["Twilio:AuthToken"] = "token", [key] = value });

        Func<Task> start = () => host.StartAsync().WaitAsync(TimeSpan.FromSeconds(30));

        await start.Should().ThrowAsync<OptionsValidationException>().WithMessage($"*{named}*");
    }

    [Fact]
    public void TrailingSlashesAreTrimmedAndTheApiBaseUrlHasADefault()
    {
        using IHost host = Build(new() { ["Twilio:AuthToken"] = "token", ["Twilio:BaseUrlOverride"] = "https://shop.example/phone/" });

        TwilioOptions options = host.Services.GetRequiredService<IOptions<TwilioOptions>>().Value;

        options.BaseUrlOverride.Should().Be("https://shop.example/phone");
        options.ApiBaseUrl.Should().Be("https://api.twilio.com");
        options.ApiAttemptTimeout.Should().Be(TimeSpan.FromSeconds(3));
        options.ApiTimeout.Should().Be(TimeSpan.FromSeconds(10));
    }

    private static IHost Build(Dictionary<string, string?> settings)
    {
        HostApplicationBuilder builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddTwilio();
        return builder.Build();
    }
}
