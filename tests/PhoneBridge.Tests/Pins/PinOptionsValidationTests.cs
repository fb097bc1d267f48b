using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using PhoneBridge.Pins;

namespace PhoneBridge.Tests.Pins;

public sealed class PinOptionsValidationTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not base64!")]
    [InlineData("AAECAwQFBgcICQoLDA0ODw==")] // 16 bytes: half a key
    public void AMissingOrWeakSecretKeyFailsAtStartUpNamingPinsSecretKey(string? secretKey)
    {
        var validating = () => Validate(new() { ["Pins:SecretKey"] = secretKey });

        validating.Should().Throw<OptionsValidationException>().WithMessage("*Pins:SecretKey is required*");
    }

    [Theory]
    [InlineData("Pins:Length", "3", "*Pins:Length*")]
    [InlineData("Pins:Length", "11", "*Pins:Length*")]
    [InlineData("Pins:MaxLength", "5", "*Pins:MaxLength*")]
    [InlineData("Pins:Lifetime", "00:00:00", "*Pins:Lifetime*")]
    [InlineData("Pins:MaxLiveShare", "0", "*Pins:MaxLiveShare*")]
    public void OutOfRangeSettingsFailAtStartUpNamingTheKey(string key, string value, string message)
    {
        var validating = () => Validate(new() { ["Pins:SecretKey"] = TestPins.NewSecretKey(), ["Pins:Length"] = "6", [key] = value });

        validating.Should().Throw<OptionsValidationException>().WithMessage(message);
    }

    [Fact]
    public void AValidSectionBindsEverySetting()
    {
        var secret = TestPins.NewSecretKey();

        var options = Validate(new()
        {
            ["Pins:SecretKey"] = secret,
            ["Pins:Length"] = "5",
            ["Pins:MaxLength"] = "7",
            ["Pins:Lifetime"] = "00:05:00",
            ["Pins:MaxLiveShare"] = "0.01",
        });

        options.Should().BeEquivalentTo(new PinOptions
        {
            SecretKey = secret, Length = 5, MaxLength = 7, Lifetime = TimeSpan.FromMinutes(5), MaxLiveShare = 0.01,
        });
    }

    private static PinOptions Validate(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddPins();
        using var provider = builder.Services.BuildServiceProvider();

        // What the host runs at start-up, so this also proves the options are validated on start.
        provider.GetRequiredService<IStartupValidator>().Validate();
        return provider.GetRequiredService<IOptions<PinOptions>>().Value;
    }
}
