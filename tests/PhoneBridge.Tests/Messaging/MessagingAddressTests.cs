using PhoneBridge.Messaging;

namespace PhoneBridge.Tests.Messaging;

public sealed class MessagingAddressTests
{
    [Theory]
    [InlineData("whatsapp:+34600111222", MessageChannel.WhatsApp, "+34600111222")]
    [InlineData("WhatsApp:+34600111222", MessageChannel.WhatsApp, "+34600111222")]
    [InlineData(" +447400123456 ", MessageChannel.Sms, "+447400123456")]
    public void TwiliosAddressesGiveTheirChannelAndNumber(string address, MessageChannel channel, string number)
    {
        MessagingAddress.TryParse(address, out var parsedChannel, out var parsedNumber).Should().BeTrue();

        (parsedChannel, parsedNumber).Should().Be((channel, number));
        MessagingAddress.Format(parsedChannel, parsedNumber).Should().Be(channel == MessageChannel.WhatsApp ? "whatsapp:" + number : number);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("whatsapp:")]
    [InlineData("whatsapp:600111222")]
    [InlineData("+0600111222")]
    [InlineData("+34 600 111 222")]
    [InlineData("+3460011122233344")]
    [InlineData("messenger:+34600111222")]
    [InlineData("client:ana")]
    public void AnythingElseIsNotAnAddress(string? address) =>
        MessagingAddress.TryParse(address, out _, out _).Should().BeFalse();
}
