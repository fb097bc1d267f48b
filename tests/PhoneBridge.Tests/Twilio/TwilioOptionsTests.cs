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

    [Fact]
    public void TrailingSlashesAreTrimmedAndTheApiBaseUrlHasADefault()
    {
        using IHost host = Build(new() { ["Twilio:AuthToken"] = "token", ["Twilio:BaseUrlOverride"] = "https://shop.example/phone/" });

        TwilioOptions options = host.Services.GetRequiredService<IOptions<TwilioOptions>>().Value;

        options.BaseUrlOverride.Should().Be("https://shop.example/phone");
        options.ApiBaseUrl.Should().Be("https://api.twilio.com");
    }

    private static IHost Build(Dictionary<string, string?> settings)
    {
        HostApplicationBuilder builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddTwilioProtocol();
        return builder.Build();
    }
}
