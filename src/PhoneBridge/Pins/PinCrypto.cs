using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace PhoneBridge.Pins;

/// <summary>
/// Turns a call's random nonce into its digits, and digits into the index key, both keyed by
/// subkeys of <see cref="PinOptions.SecretKey"/>. Redis holds only nonces and index hashes, so
/// without the secret neither yields a PIN.
/// </summary>
internal sealed class PinCrypto
{
    /// <summary>Bytes of randomness per issued PIN; 128 bits never repeat in practice.</summary>
    public const int NonceBytes = 16;

    private readonly byte[] _indexKey;
    private readonly byte[] _derivationKey;

    public PinCrypto(byte[] secret)
    {
        // Separate subkeys: the index hash of some digits must not be computable from anything the
        // derivation reveals, and vice versa.
        _indexKey = HKDF.DeriveKey(HashAlgorithmName.SHA256, secret, 32, salt: [], info: "pin-index"u8.ToArray());
        _derivationKey = HKDF.DeriveKey(HashAlgorithmName.SHA256, secret, 32, salt: [], info: "pin-derive"u8.ToArray());
    }

    /// <summary>A fresh nonce from the system's cryptographic generator.</summary>
    public static byte[] NewNonce() => RandomNumberGenerator.GetBytes(NonceBytes);

    /// <summary>
    /// The digits for a call and nonce: the first 8 bytes of HMAC-SHA256(derivation key, CallSid ‖ nonce)
    /// as an unsigned integer, modulo 10^length, zero-padded. The modulo bias is below 10^10 / 2^64
    /// (about 5·10^-10), far too small to help a guesser.
    /// </summary>
    public string Digits(string callSid, ReadOnlySpan<byte> nonce, int length)
    {
        // The nonce has a fixed size and comes last, so CallSid ‖ nonce is unambiguous.
        var message = new byte[Encoding.UTF8.GetByteCount(callSid) + nonce.Length];
        var written = Encoding.UTF8.GetBytes(callSid, message);
        nonce.CopyTo(message.AsSpan(written));
        var mac = HMACSHA256.HashData(_derivationKey, message);
        var value = BinaryPrimitives.ReadUInt64BigEndian(mac) % PowerOfTen(length);
        return value.ToString(System.Globalization.CultureInfo.InvariantCulture).PadLeft(length, '0');
    }

    /// <summary>The index key of some digits: lower-case hex HMAC-SHA256(index key, digits).</summary>
    public string IndexHash(string digits) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(_indexKey, Encoding.ASCII.GetBytes(digits)));

    private static ulong PowerOfTen(int exponent)
    {
        var result = 1UL;
        for (var i = 0; i < exponent; i++)
        {
            result *= 10;
        }

        return result;
    }
}
