using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using PhoneBridge.Twilio;

using RequestValidator = global::Twilio.Security.RequestValidator;

namespace PhoneBridge.Tests.Properties;

/// <summary>
/// The signature check (the SDK's validator through our glue) over arbitrary URLs, fields and
/// tokens: what Twilio signs validates, any one change to it does not, and no header or URL,
/// however broken, makes the check throw.
/// </summary>
public sealed class TwilioSignatureProperties
{
    private const int Runs = 300;

    [Property(MaxTest = Runs)]
    public Property ASignatureComputedForARequestValidatesIt() =>
        Prop.ForAll(SignatureGen.Requests, r =>
            Validate(r.Token, TwilioSignature.Compute(r.Token, r.Url, r.Parameters), r.Url, r.Parameters));

    [Property(MaxTest = Runs)]
    public Property ChangingOneParameterValueBreaksTheSignature() =>
        Prop.ForAll(SignatureGen.Requests, Arb.From(Gen.Choose(0, 1000)), (r, pick) =>
        {
            var signature = TwilioSignature.Compute(r.Token, r.Url, r.Parameters);
            var changed = r.Parameters.Count == 0 ? [new("Digits", "1")] : WithFresh(r.Parameters, pick % r.Parameters.Count, renameInstead: false);
            return !Validate(r.Token, signature, r.Url, changed);
        });

    [Property(MaxTest = Runs)]
    public Property ChangingOneParameterNameBreaksTheSignature() =>
        Prop.ForAll(SignatureGen.Requests.Filter(r => r.Parameters.Count > 0), Arb.From(Gen.Choose(0, 1000)), (r, pick) =>
            !Validate(r.Token, TwilioSignature.Compute(r.Token, r.Url, r.Parameters), r.Url,
                WithFresh(r.Parameters, pick % r.Parameters.Count, renameInstead: true)));

    [Property(MaxTest = Runs)]
    public Property ChangingTheUrlPathBreaksTheSignature() =>
        // Ports are left alone: the validator forgives a port added or removed on purpose.
        Prop.ForAll(SignatureGen.Requests, r =>
            !Validate(r.Token, TwilioSignature.Compute(r.Token, r.Url, r.Parameters), r.Origin + "/q" + r.PathAndQuery[1..], r.Parameters));

    [Property(MaxTest = Runs)]
    public Property ADifferentTokenBreaksTheSignature() =>
        Prop.ForAll(SignatureGen.Requests, r =>
            !Validate(r.Token + "x", TwilioSignature.Compute(r.Token, r.Url, r.Parameters), r.Url, r.Parameters));

    [Property(MaxTest = Runs)]
    public Property ChangingOneCharacterOfTheSignatureBreaksIt() =>
        Prop.ForAll(SignatureGen.Requests, Arb.From(Gen.Choose(0, 27)), Arb.From(Gen.Elements("A", "z", "9", "+", "/", "=", "é")), (r, at, by) =>
        {
            var signature = TwilioSignature.Compute(r.Token, r.Url, r.Parameters);
            var altered = signature[..at] + (signature[at..(at + 1)] == by ? "B" : by) + signature[(at + 1)..];
            return !Validate(r.Token, altered, r.Url, r.Parameters);
        });

    [Property(MaxTest = Runs)]
    public Property GarbageSignaturesAndUrlsNeverThrowAndNeverValidate() =>
        Prop.ForAll(SignatureGen.Requests, Arb.From(SignatureGen.Text), Arb.From(SignatureGen.Text), (r, garbage, url) =>
            !Validate(r.Token, garbage, r.Url, r.Parameters)
            && !Validate(r.Token, garbage, url, r.Parameters)
            && !ValidateBody(r.Token, garbage, url, System.Text.Encoding.UTF8.GetBytes(garbage)));

    private static bool Validate(string token, string signature, string url, IReadOnlyList<KeyValuePair<string, string>> parameters) =>
        TwilioRequestVerifier.IsSigned(new RequestValidator(token), signature, [url], parameters);

    private static bool ValidateBody(string token, string signature, string url, byte[] body) =>
        TwilioRequestVerifier.IsSignedJson(new RequestValidator(token), signature, [url], body);

    // Replaces one field's value (or name) by one found nowhere in the request and of another length,
    // so the signed text must change: a value shared by a repeated name would otherwise stay signed.
    private static List<KeyValuePair<string, string>> WithFresh(IReadOnlyList<KeyValuePair<string, string>> parameters, int index, bool renameInstead)
    {
        var taken = parameters.SelectMany(p => new[] { p.Key, p.Value }).ToHashSet(StringComparer.Ordinal);
        var old = renameInstead ? parameters[index].Key : parameters[index].Value;
        var fresh = old + "~";
        while (taken.Contains(fresh))
        {
            fresh += "~";
        }

        var changed = parameters.ToList();
        changed[index] = renameInstead ? new(fresh, changed[index].Value) : new(changed[index].Key, fresh);
        return changed;
    }
}
