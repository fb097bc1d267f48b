using System.Security.Cryptography;
using PhoneBridge.Pins;

namespace PhoneBridge.Tests.Pins;

public sealed class PinCryptoTests
{
    private static readonly byte[] Secret = RandomNumberGenerator.GetBytes(32);

    [Fact]
    public void TheSameCallAndNonceAlwaysDeriveTheSameDigits()
    {
        var nonce = PinCrypto.NewNonce();

        new PinCrypto(Secret).Digits("CA1", nonce, 6).Should().Be(new PinCrypto(Secret).Digits("CA1", nonce, 6));
    }

    [Fact]
    public void ShortNumbersArePaddedWithLeadingZerosToTheFullLength()
    {
        var crypto = new PinCrypto(Secret);

        // About one draw in ten starts with a zero; 500 draws all but guarantee several.
        var digits = Enumerable.Range(0, 500).Select(_ => crypto.Digits("CA1", PinCrypto.NewNonce(), 4)).ToList();

        digits.Should().OnlyContain(d => d.Length == 4).And.Contain(d => d.StartsWith('0'));
    }

    [Fact]
    public void WithoutTheSecretTheNonceSaysNothingAboutTheDigits()
    {
        var nonces = Enumerable.Range(0, 50).Select(_ => PinCrypto.NewNonce()).ToList();
        var ours = new PinCrypto(Secret);
        var theirs = new PinCrypto(RandomNumberGenerator.GetBytes(32));

        // Eight digits: two unrelated keys agree on a nonce once in 10^8.
        nonces.Count(n => ours.Digits("CA1", n, 8) == theirs.Digits("CA1", n, 8)).Should().Be(0);
    }

    [Fact]
    public void TheIndexHashIsKeyedAndDiffersFromAPlainHash()
    {
        var ours = new PinCrypto(Secret).IndexHash("123456");

        ours.Should().MatchRegex("^[0-9a-f]{64}$");
        ours.Should().NotBe(new PinCrypto(RandomNumberGenerator.GetBytes(32)).IndexHash("123456"));
        ours.Should().NotBe(Convert.ToHexStringLower(SHA256.HashData("123456"u8)));
    }
}
