using System.Text;

using Microsoft.AspNetCore.Http;

using PhoneBridge.Twilio.TwiML;

namespace PhoneBridge.Tests.Twilio;

public sealed class TwiMLTests
{
    [Fact]
    public void AResponseIsAnXmlDeclarationAndOneUnindentedResponseElement()
    {
        string xml = new VoiceResponse().Say("Hello", language: "en-GB").Hangup().ToString();

        xml.Should().Be("""<?xml version="1.0" encoding="UTF-8"?><Response><Say language="en-GB">Hello</Say><Hangup/></Response>""");
    }

    [Fact]
    public void VerbsAddedToAGatherAfterItWasAddedStillAppear()
    {
        Gather gather = new() { NumDigits = 1 };
        VoiceResponse response = new VoiceResponse().Gather(gather);

        gather.Say("Press 1");

        response.ToString().Should().Contain("""<Gather numDigits="1"><Say>Press 1</Say></Gather>""");
    }

    [Theory]
    [InlineData(0x07)]
    [InlineData(0x0B)]
    [InlineData(0xD800)]
    [InlineData(0xDC00)]
    [InlineData(0xFFFF)]
    public void CharactersXmlCannotCarryAreRejected(int codeUnit)
    {
        string text = "before " + (char)codeUnit + " after";
        Action say = () => new VoiceResponse().Say(text);
        Action attribute = () => new VoiceResponse().Redirect("/next", method: text);

        say.Should().Throw<ArgumentException>();
        attribute.Should().Throw<ArgumentException>();
    }

    [Fact]
    public async Task TwiMLResultWritesUtf8XmlWithStatus200()
    {
        DefaultHttpContext context = new();
        context.Response.Body = new MemoryStream();

        await new TwiMLResult(new VoiceResponse().Say("Grüß Gott")).ExecuteAsync(context).WaitAsync(TimeSpan.FromSeconds(30));

        context.Response.StatusCode.Should().Be(200);
        context.Response.ContentType.Should().Be("application/xml; charset=utf-8");
        Encoding.UTF8.GetString(((MemoryStream)context.Response.Body).ToArray())
            .Should().Be("""<?xml version="1.0" encoding="UTF-8"?><Response><Say>Grüß Gott</Say></Response>""");
    }
}
