using PhoneBridge.Calls;

namespace PhoneBridge.Tests.Calls;

public sealed class PhoneNumberMaskTests
{
    [Theory]
    [InlineData("+34600111222", "+34 6•• ••• 222")] // Spanish mobile
    [InlineData("+34912345678", "+34 9•• ••• 678")] // Madrid landline
    [InlineData("+12025550123", "+1 2•• ••• •123")] // US
    [InlineData("+14155552671", "+1 4•• ••• •671")] // US, San Francisco
    [InlineData("+447911123456", "+44 7•• ••• •456")] // UK mobile
    [InlineData("+442079460958", "+44 2•• ••• •958")] // London landline
    [InlineData("+4930123456", "+49 3••• •456")] // Berlin landline, eight national digits
    [InlineData("+4915123456789", "+49 1•• •••• •789")] // German mobile, eleven national digits
    [InlineData("+351912345678", "+351 9•• ••• 678")] // Portugal: three-digit code
    [InlineData("+390612345678", "+39 0•• ••• •678")] // Rome: Italy's leading zero is part of the national number
    [InlineData("+5215512345678", "+52 1•• •••• •678")] // Mexico mobile, eleven national digits
    [InlineData(" +34600111222 ", "+34 6•• ••• 222")]
    [InlineData("+34 600 111 222", "+34 6•• ••• 222")] // written with spaces
    [InlineData("+1 (202) 555-0123", "+1 2•• ••• •123")] // written the American way
    public void InternationalNumbersKeepCountryCodeFirstDigitAndLastThree(string number, string masked) =>
        PhoneNumberMask.Mask(number).Should().Be(masked);

    [Theory]
    [InlineData("600111222", "••••••222")] // national format, no country code
    [InlineData("12345", "••345")] // a short code
    [InlineData("266", "•••")]
    [InlineData("anonymous", "••••••ous")]
    [InlineData("client:alice", "•••••••••ice")]
    [InlineData("sip:+34600111222@pbx.example", "•••••••••••••••••••••••••ple")]
    [InlineData("+34600111222@pbx", "•••••••••••••pbx")] // not only a number
    [InlineData("+1800FLOWERS", "•••••••••ERS")] // letters are not read as keypad digits
    [InlineData("+2901234", "•••••234")] // too short to keep a first digit as well
    [InlineData("+99912345678", "•••••••••678")] // no such country code
    public void AnythingElseKeepsOnlyItsLastThreeCharacters(string number, string masked) =>
        PhoneNumberMask.Mask(number).Should().Be(masked);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void NoNumberIsUnknown(string? number) =>
        PhoneNumberMask.Mask(number).Should().Be(PhoneNumberMask.Unknown);
}
