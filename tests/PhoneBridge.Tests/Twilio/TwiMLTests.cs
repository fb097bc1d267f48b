using System.Text;

using Microsoft.AspNetCore.Http;

using PhoneBridge.Twilio;

using Twilio.TwiML;

using Gather = Twilio.TwiML.Voice.Gather;

namespace PhoneBridge.Tests.Twilio;

public sealed class TwiMLTests
{
    [Fact]
    public void AResponseIsAnXmlDeclarationAndOneUnindentedResponseElement()
    {
        string xml = new TwiMLResult(new VoiceResponse().Say("Hello", language: "en-GB").Hangup()).Xml;

        xml.Should().Be("""<?xml version="1.0" encoding="utf-8"?><Response><Say language="en-GB">Hello</Say><Hangup></Hangup></Response>""");
    }

    [Fact]
    public void VerbsAddedToAGatherAfterItWasAddedStillAppear()
    {
        Gather gather = new(numDigits: 1);
        VoiceResponse response = new VoiceResponse().Append(gather);

        gather.Say("Press 1");

        new TwiMLResult(response).Xml.Should().Contain("""<Gather numDigits="1"><Say>Press 1</Say></Gather>""");
    }

    [Theory]
    [InlineData(0x07)]
    [InlineData(0x0B)]
    [InlineData(0xD800)]
    [InlineData(0xDC00)]
    [InlineData(0xFFFF)]
    public void CharactersXmlCannotCarryFailWhenTheResultIsCreated(int codeUnit)
    {
        string text = "before " + (char)codeUnit + " after";
        Action say = () => _ = new TwiMLResult(new VoiceResponse().Say(text));
        Action attribute = () => _ = new TwiMLResult(new VoiceResponse().Say("Hi", voice: text));

        say.Should().Throw<ArgumentException>();
        attribute.Should().Throw<ArgumentException>();
    }

    [Fact]
    public async Task TwiMLResultWritesUtf8XmlWithStatus200()
    {
        DefaultHttpContext context = new();
        context.Response.Body = new MemoryStream();

        await Results.Extensions.TwiML(new VoiceResponse().Say("Grüß Gott")).ExecuteAsync(context).WaitAsync(TimeSpan.FromSeconds(30));

        context.Response.StatusCode.Should().Be(200);
        context.Response.ContentType.Should().Be("application/xml; charset=utf-8");
        byte[] body = ((MemoryStream)context.Response.Body).ToArray();
        context.Response.ContentLength.Should().Be(body.Length);
        Encoding.UTF8.GetString(body)
            .Should().Be("""<?xml version="1.0" encoding="utf-8"?><Response><Say>Grüß Gott</Say></Response>""");
    }
}
