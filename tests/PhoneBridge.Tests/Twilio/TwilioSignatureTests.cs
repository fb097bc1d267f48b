using System.Security.Cryptography;
using System.Text;

using PhoneBridge.Twilio;

using RequestValidator = global::Twilio.Security.RequestValidator;

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

    [Fact]
    public async Task RepeatedNamesGoToTheSdksValidatorSoItChecksWhatTheOfficialNodeHelperSigns()
    {
        const string Url = "https://h/x";
        KeyValuePair<string, string>[] parameters =
            [new("Tag", "b"), new("tag", "z"), new("Tag", "a"), new("Tag", "b"), new("Tag", "B"), new("Digits", "1"), new("Tag", "")];

        IReadOnlyList<NodeResult> node = await TwilioNodeHelper.RunAsync(
            [new { op = "sign", token = Token, signUrl = Url, @params = NodeCase.Params(parameters) }]).WaitAsync(TimeSpan.FromSeconds(60));

        // One entry per name, its distinct values sorted ordinally and joined by the name: the SDK
        // appends name + value, giving "Tag" + "" + "Tag" + "B" + "Tag" + "a" + "Tag" + "b".
        Dictionary<string, string> signed = TwilioSignature.SignedParameters(parameters);
        signed.Should().BeEquivalentTo(new Dictionary<string, string> { ["Tag"] = "TagBTagaTagb", ["tag"] = "z", ["Digits"] = "1" });
        new RequestValidator(Token).Validate(Url, signed, node[0].Text).Should().BeTrue();
        TwilioSignature.Compute(Token, Url, parameters).Should().Be(node[0].Text);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not-base64")]
    public void AnEmptyOrWrongSignatureIsNotValidAndDoesNotThrow(string signature)
    {
        TwilioRequestVerifier.IsSigned(new RequestValidator(Token), signature, ["https://h/x"], []).Should().BeFalse();
    }

    [Fact]
    public void ADefaultPortIsAddedOrRemovedAndAnyPortRemovedButNoOtherPortAdded()
    {
        string signedWithoutPort = TwilioSignature.Compute(Token, "https://h/x", null);
        string signedWithDefaultPort = TwilioSignature.Compute(Token, "https://h:443/x", null);
        string signedWith8080 = TwilioSignature.Compute(Token, "https://h:8080/x", null);

        IsSigned(signedWithoutPort, "https://h:443/x").Should().BeTrue("the rebuilt URL drops the written default port");
        IsSigned(signedWithDefaultPort, "https://h/x").Should().BeTrue("the validator adds the default port");
        IsSigned(signedWithDefaultPort, "https://h:443/x").Should().BeTrue();
        IsSigned(signedWithoutPort, "https://h:8080/x").Should().BeTrue("the validator removes a port");
        IsSigned(signedWith8080, "https://h/x").Should().BeFalse("only the default port is ever added");
        IsSigned(signedWith8080, "https://h:8081/x").Should().BeFalse();
    }

    [Fact]
    public void AUrlSignedAsReceivedValidatesEvenWhereSystemUriWouldRewriteIt()
    {
        foreach (string url in (string[])["https://h:443/a%7Eb/./c?x=%41", "https://h/a%7Eb/./c?x=%41", "https://h:8080/a%7Eb/./c?x=%41"])
        {
            IsSigned(TwilioSignature.Compute(Token, url, null), url).Should().BeTrue(url);
        }
    }

    [Fact]
    public async Task APortAddedOrRemovedOnAUrlSystemUriRewritesIsTheOneRequestTheNodeHelperAcceptsAndWeDoNot()
    {
        // The validator builds its port variation with System.Uri, which writes %7E as ~ and drops
        // "." segments; Node's helper adds or removes the port in the string as it is.
        (string Signed, string Received)[] cases =
            [("https://h/a%7Eb/./c", "https://h:8080/a%7Eb/./c"), ("https://h:443/a%7Eb/./c", "https://h/a%7Eb/./c")];

        IReadOnlyList<NodeResult> node = await TwilioNodeHelper.RunAsync(
            cases.Select(c => NodeCase.SignAndValidate(Token, c.Signed, c.Received, []))).WaitAsync(TimeSpan.FromSeconds(60));

        node.Select(r => r.Valid).Should().Equal(true, true);
        cases.Select(c => IsSigned(TwilioSignature.Compute(Token, c.Signed, null), c.Received)).Should().Equal(false, false);
    }

    [Fact]
    public void UserinfoIsPartOfTheSignedUrl()
    {
        string signature = TwilioSignature.Compute(Token, "https://shop:s3cret@h/x", null);

        IsSigned(signature, "https://shop:s3cret@h/x").Should().BeTrue();
        IsSigned(signature, "https://h/x").Should().BeFalse();
    }

    [Theory]
    [InlineData("https://[0::1]/x")]
    [InlineData("https://127.1/x")]
    [InlineData("https://ex%41mple.com/x")]
    [InlineData("not a url")]
    public void AUrlSystemUriReadsDifferentlyOrNotAtAllIsNotValidAndDoesNotThrow(string url)
    {
        // The validator's port variation rebuilds the URL with System.Uri and throws on these.
        IsSigned(TwilioSignature.Compute(Token, "https://other/x", null), url).Should().BeFalse();
        IsSigned(TwilioSignature.Compute(Token, url, null), url).Should().BeTrue("the URL as received is tried first, as is");
    }

    [Fact]
    public void ABodyWhoseHashIsNotTheOneInTheUrlIsRejectedEvenWithAValidSignature()
    {
        byte[] body = Encoding.UTF8.GetBytes("""{"a":1}""");
        string url = "https://h/events?bodySHA256=" + Convert.ToHexStringLower(SHA256.HashData(body));
        string signature = TwilioSignature.Compute(Token, url, null);

        IsSignedJson(signature, url, body).Should().BeTrue();
        IsSignedJson(signature, url, Encoding.UTF8.GetBytes("""{"a":2}""")).Should().BeFalse();
        IsSignedJson(signature, "https://h/events", body).Should().BeFalse();
    }

    [Fact]
    public void ABodyThatIsNotUtf8NeverPassesForTheTextItDecodesTo()
    {
        // 0xFF decodes to U+FFFD, whose UTF-8 is EF BF BD: the hash of that text is not the body's.
        byte[] body = [(byte)'{', 0xFF, (byte)'}'];
        string url = "https://h/events?bodySHA256=" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(body))));

        IsSignedJson(TwilioSignature.Compute(Token, url, null), url, body).Should().BeFalse();
    }

    [Theory]
    [InlineData("https://h/events?bodySHA256")]
    [InlineData("https://h/events?x=1&bodySHA256&y")]
    public void ABodySha256WithoutAValueIsNotValidAndDoesNotThrow(string url)
    {
        IsSignedJson(TwilioSignature.Compute(Token, url, null), url, Encoding.UTF8.GetBytes("{}")).Should().BeFalse();
    }

    // The URL as the filter rebuilds it from a request for it, checked by the SDK's validator.
    private static bool IsSigned(string signature, string url) =>
        TwilioRequestVerifier.IsSigned(new RequestValidator(Token), signature, TwilioRequestUrl.Candidates(url, null), []);

    private static bool IsSignedJson(string signature, string url, byte[] body) =>
        TwilioRequestVerifier.IsSignedJson(new RequestValidator(Token), signature, TwilioRequestUrl.Candidates(url, null), body);
}
