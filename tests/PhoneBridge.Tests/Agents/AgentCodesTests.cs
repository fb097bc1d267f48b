using Microsoft.Extensions.Options;
using PhoneBridge.Agents;
using PhoneBridge.Pins;
using PhoneBridge.Tests.Pins;

namespace PhoneBridge.Tests.Agents;

public sealed class AgentCodesTests
{
    private static AgentCodes Codes(string secret) => new(Options.Create(new PinOptions { SecretKey = secret }));

    [Fact]
    public void AStoredCodeIsAKeyedHashThatNamesNeitherTheDigitsNorAnotherAgentsCode()
    {
        var codes = Codes(TestPins.NewSecretKey());

        var ana = codes.Hash("ana", "48201937");

        AgentCodes.IsHash(ana).Should().BeTrue();
        ana.Should().NotContain("48201937");
        codes.Hash("bruno", "48201937").Should().NotBe(ana, "equal codes of two agents hash apart");
        Codes(TestPins.NewSecretKey()).Hash("ana", "48201937").Should().NotBe(ana, "without the server's key the hash cannot be computed");
        codes.Hash("ana", "48201937").Should().Be(ana);
    }

    [Fact]
    public void OnlyTheAgentsOwnCodeMatches()
    {
        var codes = Codes(TestPins.NewSecretKey());
        var ana = new AgentOptions { Username = "ana", CodeHash = codes.Hash("ana", "48201937") };
        var configured = new AgentOptions { Username = "bruno", Code = "73019264" };
        var withoutCode = new AgentOptions { Username = "carmen" };

        codes.Matches(ana, "48201937").Should().BeTrue();
        codes.Matches(ana, "48201938").Should().BeFalse();
        codes.Matches(ana, "4820193").Should().BeFalse();
        codes.Matches(ana, null).Should().BeFalse();
        codes.Matches(configured, "73019264").Should().BeTrue();
        codes.Matches(configured, "48201937").Should().BeFalse();
        codes.Matches(withoutCode, "").Should().BeFalse();
        codes.Matches(withoutCode, "48201937").Should().BeFalse();
    }

    [Theory]
    [InlineData("48201937", true)]
    [InlineData("730192", true)]
    [InlineData("7301926485", true)]
    [InlineData("73019", false)]
    [InlineData("73019264851", false)]
    [InlineData("000000", false)]
    [InlineData("123456", false)]
    [InlineData("654321", false)]
    [InlineData("8901234567", false)]
    [InlineData("12345a", false)]
    [InlineData("١٢٣٤٥٦٧", false)]
    public void ACodeIsSixToTenDigitsThatAGuesserWouldNotTryFirst(string code, bool acceptable)
    {
        AgentCodes.IsAcceptable(code).Should().Be(acceptable);
    }
}
