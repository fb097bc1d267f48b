using System.Security.Cryptography;
using System.Text;

using PhoneBridge.Twilio;

namespace PhoneBridge.Tests.Twilio;

public sealed class TwilioSignatureTests
{
    private const string Token = "12345";

    [Fact]
    public void SignatureOfTwiliosDocumentedExampleMatches()
    {
        KeyValuePair<string, string>[] parameters =
        [
            new("CallSid", "CA1234567890ABCDE"), new("Caller", "+12349013030"), new("Digits", "1234"),
            new("From", "+12349013030"), new("To", "+18005551212"),
        ];

        TwilioSignature.Compute(Token, "https://mycompany.com/myapp.php?foo=1&bar=2", parameters)
            .Should().Be("0/KCTR6DLpKmkAf8muzZqo1nDgQ=");
    }

    [Fact]
    public async Task SignatureOverUrlWithApostropheMatchesTheOfficialHelper()
    {
        const string Url = "https://shop.example/twilio/voice?caller=O'Brien&note=it's";
        KeyValuePair<string, string>[] parameters = [new("SpeechResult", "I'd like Zoë's order"), new("Digits", "1")];

        IReadOnlyList<NodeResult> node = await TwilioNodeHelper.RunAsync(
            [new { op = "sign", token = Token, signUrl = Url, @params = NodeCase.Params(parameters) }]).WaitAsync(TimeSpan.FromSeconds(60));

        TwilioSignature.Compute(Token, Url, parameters).Should().Be(node[0].Text);
    }

    [Fact]
    public void RepeatedNamesContributeEachDistinctValueOnceInOrdinalOrder()
    {
        KeyValuePair<string, string>[] parameters = [new("b", "2"), new("a", "z"), new("B", "1"), new("a", "Z"), new("a", "z")];

        // Ordinal order puts upper case first: "B" < "a" < "b", and "Z" < "z". The signed string is
        // url + name + value..., so it equals signing that concatenation with no parameters.
        TwilioSignature.Compute(Token, "https://h/x", parameters)
            .Should().Be(TwilioSignature.Compute(Token, "https://h/xB1aZazb2", null));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void AMissingOrEmptySignatureIsNeverValid(string? signature)
    {
        TwilioSignature.Validate(Token, signature, "https://h/x", null).Should().BeFalse();
    }

    [Fact]
    public void ValidateDropsAnyPortButOnlyEverAddsTheDefaultOneLikeTheHelper()
    {
        string signedWithoutPort = TwilioSignature.Compute(Token, "https://h/x", null);
        string signedWith8080 = TwilioSignature.Compute(Token, "https://h:8080/x", null);

        TwilioSignature.Validate(Token, signedWithoutPort, "https://h:443/x", null).Should().BeTrue();
        TwilioSignature.Validate(Token, signedWithoutPort, "https://h:8080/x", null).Should().BeTrue("the helper removes any port");
        TwilioSignature.Validate(Token, signedWith8080, "https://h/x", null).Should().BeFalse("the helper only adds :443 or :80");
        TwilioSignature.Validate(Token, signedWith8080, "https://h:8081/x", null).Should().BeFalse();
    }

    [Fact]
    public void UserinfoIsPartOfTheSignedUrl()
    {
        string signature = TwilioSignature.Compute(Token, "https://shop:s3cret@h/x", null);

        TwilioSignature.Validate(Token, signature, "https://shop:s3cret@h/x", null).Should().BeTrue();
        TwilioSignature.Validate(Token, signature, "https://h/x", null).Should().BeFalse();
    }

    [Fact]
    public void ABodyWhoseHashIsNotTheOneInTheUrlIsRejectedEvenWithAValidSignature()
    {
        byte[] body = Encoding.UTF8.GetBytes("""{"a":1}""");
        string url = "https://h/events?bodySHA256=" + Convert.ToHexStringLower(SHA256.HashData(body));
        string signature = TwilioSignature.Compute(Token, url, null);

        TwilioSignature.ValidateBody(Token, signature, url, body).Should().BeTrue();
        TwilioSignature.ValidateBody(Token, signature, url, Encoding.UTF8.GetBytes("""{"a":2}""")).Should().BeFalse();
        TwilioSignature.ValidateBody(Token, signature, "https://h/events", body).Should().BeFalse();
    }
}
