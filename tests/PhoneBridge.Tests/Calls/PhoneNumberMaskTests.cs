using PhoneBridge.Calls;

namespace PhoneBridge.Tests.Calls;

public sealed class PhoneNumberMaskTests
{
    [Theory]
    [InlineData("+34600111222", "+34 6•• ••• 222")] // Spanish mobile
    [InlineData("+12025550123", "+1 2•• ••• •123")] // US
    [InlineData("+447911123456", "+44 7•• ••• •456")] // UK mobile
    [InlineData("+351912345678", "+351 9•• ••• 678")] // Portugal: three-digit code
    [InlineData("+5215512345678", "+52 1•• •••• •678")] // Mexico mobile, eleven national digits
    [InlineData("+4930123456", "+49 3••• •456")] // Berlin landline, eight national digits
    [InlineData(" +34600111222 ", "+34 6•• ••• 222")]
    public void E164NumbersKeepCountryCodeFirstDigitAndLastThree(string number, string masked) =>
        PhoneNumberMask.Mask(number).Should().Be(masked);

    [Theory]
    [InlineData("600111222", "••••••222")] // national format, no country code
    [InlineData("anonymous", "••••••ous")]
    [InlineData("+2901234", "•••••234")] // too short to keep a first digit as well
    [InlineData("+34 600 111 222", "••••••••••••222")] // spaced: not E.164, so nothing but the end is kept
    [InlineData("266", "•••")]
    public void AnythingElseKeepsOnlyItsLastThreeCharacters(string number, string masked) =>
        PhoneNumberMask.Mask(number).Should().Be(masked);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void NoNumberIsUnknown(string? number) =>
        PhoneNumberMask.Mask(number).Should().Be(PhoneNumberMask.Unknown);
}
