namespace PhoneBridge.Pins;

/// <summary>How PINs are issued, bound to the <c>Pins</c> configuration section.</summary>
public sealed class PinOptions
{
    /// <summary>The configuration section these options bind to.</summary>
    public const string SectionName = "Pins";

    /// <summary>The shortest PIN length accepted.</summary>
    public const int MinimumLength = 4;

    /// <summary>The longest PIN length accepted; 10^10 still fits the 64-bit draw with negligible bias.</summary>
    public const int MaximumLength = 10;

    /// <summary>The smallest secret accepted, in bytes: a full HMAC-SHA256 key.</summary>
    public const int MinimumSecretBytes = 32;

    /// <summary>Digits in a PIN when the space is not crowded (4 to 10). Default 6.</summary>
    public int Length { get; set; } = 6;

    /// <summary>How long a PIN can be redeemed after it is issued. Default 10 minutes.</summary>
    public TimeSpan Lifetime { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// The share of the 10^Length space that may hold live PINs before longer PINs are issued
    /// (0.001 of 10^6 = 1,000 live PINs). It bounds a blind guess's chance of hitting any live PIN.
    /// </summary>
    public double MaxLiveShare { get; set; } = 0.001;

    /// <summary>The longest PIN issued when shorter lengths are at capacity (Length to 10). Default 10.</summary>
    public int MaxLength { get; set; } = MaximumLength;

    /// <summary>
    /// Base64 of at least 32 random bytes. PINs are derived from it and indexed by an HMAC under it,
    /// so it must be the same on every host and must be kept out of Redis and source control.
    /// </summary>
    public string? SecretKey { get; set; }

    /// <summary>The decoded <see cref="SecretKey"/>, or null when it is missing, not base64 or too short.</summary>
    internal byte[]? SecretBytes()
    {
        if (string.IsNullOrWhiteSpace(SecretKey))
        {
            return null;
        }

        var buffer = new byte[SecretKey.Length];
        return Convert.TryFromBase64String(SecretKey.Trim(), buffer, out var written) && written >= MinimumSecretBytes
            ? buffer[..written]
            : null;
    }

    /// <summary>How many PINs of <paramref name="length"/> digits may be live at once (at least one).</summary>
    internal long Capacity(int length) => Math.Max(1, (long)(MaxLiveShare * Math.Pow(10, length)));
}
