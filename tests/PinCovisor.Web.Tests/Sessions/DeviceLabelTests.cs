using System.Net;
using PinCovisor.Web.Sessions;

namespace PinCovisor.Web.Tests.Sessions;

public sealed class DeviceLabelTests
{
    [Theory]
    [InlineData("Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Mobile Safari/537.36", "Chrome on Android")]
    [InlineData("Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1", "Safari on iPhone")]
    [InlineData("Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/126.0.6478.54 Mobile/15E148 Safari/604.1", "Chrome on iPhone")]
    [InlineData("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36 Edg/126.0.0.0", "Edge on Windows")]
    [InlineData("Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15", "Safari on macOS")]
    [InlineData("Mozilla/5.0 (X11; Linux x86_64; rv:127.0) Gecko/20100101 Firefox/127.0", "Firefox on Linux")]
    [InlineData("Mozilla/5.0 (Linux; Android 14; SM-S918B) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/25.0 Chrome/121.0.0.0 Mobile Safari/537.36", "Samsung Internet on Android")]
    [InlineData("curl/8.5.0", "curl/8.5.0")]
    public void UserAgentsBecomeReadableLabels(string userAgent, string label) =>
        DeviceLabel.From(userAgent).Should().Be(label);

    [Fact]
    public void UnknownAgentsAreCutToAHundredPrintableCharactersAndEmptyOnesAreNull()
    {
        DeviceLabel.From(new string('x', 500) + "\u0007").Should().HaveLength(100).And.MatchRegex("^x+$");
        DeviceLabel.From("bot\r\n<script>").Should().Be("bot<script>");
        DeviceLabel.From("   ").Should().BeNull();
        DeviceLabel.From(null).Should().BeNull();
    }

    [Theory]
    [InlineData("203.0.113.7", "v4-203.0.113.7")]
    [InlineData("::ffff:203.0.113.7", "v4-203.0.113.7")]
    [InlineData("2001:db8:1:2:aaaa:bbbb:cccc:dddd", "v6-20010db800010002")]
    [InlineData("2001:db8:1:2::1", "v6-20010db800010002")]
    [InlineData("2001:db8:1:3::1", "v6-20010db800010003")]
    public void ClientsAreBucketedByIPv4AddressOrIPv6Slash64(string address, string bucket) =>
        ClientBucket.Of(IPAddress.Parse(address)).Should().Be(bucket);
}
