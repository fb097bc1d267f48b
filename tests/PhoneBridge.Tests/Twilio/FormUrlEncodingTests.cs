using PhoneBridge.Twilio;

namespace PhoneBridge.Tests.Twilio;

public sealed class FormUrlEncodingTests
{
    [Fact]
    public void PairsKeepTheirOrderCaseAndRepeatsWhileEmptyPiecesAreSkipped()
    {
        FormUrlEncoding.Parse("b=2&&a=1&=&B&a=%7E+x&a=1").Should().Equal(
            new("b", "2"), new("a", "1"), new("", ""), new("B", ""), new("a", "~ x"), new("a", "1"));
    }

    [Fact]
    public void EscapesAreDecodedAsUtf8AndBrokenOnesKeptOrReplaced()
    {
        FormUrlEncoding.Parse("n=%C3%A9%F0%9F%98%80&x=%00%0A&p=%2B%&q=%ZZ&bad=%E9A&eq=a=b").Should().Equal(
            new("n", "é😀"), new("x", "\0\n"), new("p", "+%"), new("q", "%ZZ"), new("bad", "\uFFFDA"), new("eq", "a=b"));
    }
}
