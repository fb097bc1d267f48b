using FsCheck;
using FsCheck.Fluent;

namespace PhoneBridge.Tests.Properties;

/// <summary>A webhook as Twilio would sign it: token, URL and form fields, all arbitrary within what URLs allow.</summary>
public sealed record SignedRequest(string Token, string Origin, string PathAndQuery, IReadOnlyList<KeyValuePair<string, string>> Parameters)
{
    public string Url => Origin + PathAndQuery;

    public override string ToString() =>
        $"{Url} [{string.Join(", ", Parameters.Select(p => $"{p.Key}={p.Value}"))}] token {Token}";
}

/// <summary>FsCheck generators for the signature properties.</summary>
internal static class SignatureGen
{
    private static readonly string[] Pieces = ["a", "Z", "0", "'", "é", "😀", "+", " ", "&", "=", "%", "?", "#", "/", "\n", "中", "\uD800", ""];

    /// <summary>Any string: FsCheck's own (control characters, surrogates, empty) or one built of awkward pieces.</summary>
    public static Gen<string> Text { get; } = Gen.OneOf(
        ArbMap.Default.GeneratorFor<string>().Where(s => s is not null),
        Gen.Elements(Pieces).ListOf().Select(string.Concat));

    private static readonly Gen<string> Origin = Gen.Elements(
        "https://shop.example.com", "http://127.0.0.1:5080", "https://[::1]", "https://Shop.Example.COM:8443", "https://user:pass@shop.example");

    private static readonly Gen<string> PathAndQuery =
        from segments in Text.Select(Uri.EscapeDataString).ListOf()
        from query in Gen.Zip(Text, Text).Select(p => Uri.EscapeDataString(p.Item1) + "=" + Uri.EscapeDataString(p.Item2)).ListOf()
        select "/" + string.Join('/', segments) + (query.Count == 0 ? "" : "?" + string.Join('&', query));

    private static readonly Gen<KeyValuePair<string, string>> Parameter =
        from name in Gen.OneOf(Gen.Elements("CallSid", "From", "Digits", "digits", "To"), Text)
        from value in Text
        select new KeyValuePair<string, string>(name, value);

    public static Arbitrary<SignedRequest> Requests { get; } = (
        from token in Text.Where(t => t.Length > 0)
        from origin in Origin
        from pathAndQuery in PathAndQuery
        from parameters in Parameter.ListOf()
        select new SignedRequest(token, origin, pathAndQuery, [.. parameters])).ToArbitrary();
}
