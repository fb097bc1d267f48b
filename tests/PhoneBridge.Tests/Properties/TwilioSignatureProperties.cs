using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using PhoneBridge.Twilio;

namespace PhoneBridge.Tests.Properties;

/// <summary>
/// The signature check over arbitrary URLs, fields and tokens: what Twilio signs validates, any one
/// change to it does not, and no header, however broken, makes the check throw.
/// </summary>
public sealed class TwilioSignatureProperties
{
    private const int Runs = 300;

    [Property(MaxTest = Runs)]
    public Property ASignatureComputedForARequestValidatesIt() =>
        Prop.ForAll(SignatureGen.Requests, r =>
            TwilioSignature.Validate(r.Token, TwilioSignature.Compute(r.Token, r.Url, r.Parameters), r.Url, r.Parameters));

    [Property(MaxTest = Runs)]
    public Property ChangingOneParameterValueBreaksTheSignature() =>
        Prop.ForAll(SignatureGen.Requests, Arb.From(Gen.Choose(0, 1000)), (r, pick) =>
        {
            var signature = TwilioSignature.Compute(r.Token, r.Url, r.Parameters);
            var changed = r.Parameters.Count == 0 ? [new("Digits", "1")] : WithFresh(r.Parameters, pick % r.Parameters.Count, renameInstead: false);
            return !TwilioSignature.Validate(r.Token, signature, r.Url, changed);
        });

    [Property(MaxTest = Runs)]
    public Property ChangingOneParameterNameBreaksTheSignature() =>
        Prop.ForAll(SignatureGen.Requests.Filter(r => r.Parameters.Count > 0), Arb.From(Gen.Choose(0, 1000)), (r, pick) =>
            !TwilioSignature.Validate(r.Token, TwilioSignature.Compute(r.Token, r.Url, r.Parameters), r.Url,
                WithFresh(r.Parameters, pick % r.Parameters.Count, renameInstead: true)));

    [Property(MaxTest = Runs)]
    public Property ChangingTheUrlPathBreaksTheSignature() =>
        // Ports and letter case of the host are left alone: Twilio's helper forgives those on purpose.
        Prop.ForAll(SignatureGen.Requests, r =>
            !TwilioSignature.Validate(r.Token, TwilioSignature.Compute(r.Token, r.Url, r.Parameters), r.Origin + "/q" + r.PathAndQuery[1..], r.Parameters));

    [Property(MaxTest = Runs)]
    public Property ADifferentTokenBreaksTheSignature() =>
        Prop.ForAll(SignatureGen.Requests, r =>
            !TwilioSignature.Validate(r.Token + "x", TwilioSignature.Compute(r.Token, r.Url, r.Parameters), r.Url, r.Parameters));

    [Property(MaxTest = Runs)]
    public Property ChangingOneCharacterOfTheSignatureBreaksIt() =>
        Prop.ForAll(SignatureGen.Requests, Arb.From(Gen.Choose(0, 27)), Arb.From(Gen.Elements("A", "z", "9", "+", "/", "=", "é")), (r, at, by) =>
        {
            var signature = TwilioSignature.Compute(r.Token, r.Url, r.Parameters);
            var altered = signature[..at] + (signature[at..(at + 1)] == by ? "B" : by) + signature[(at + 1)..];
            return !TwilioSignature.Validate(r.Token, altered, r.Url, r.Parameters);
        });

    [Property(MaxTest = Runs)]
    public Property GarbageSignaturesAndUrlsNeverThrowAndNeverValidate() =>
        Prop.ForAll(SignatureGen.Requests, Arb.From(SignatureGen.Text), Arb.From(SignatureGen.Text), (r, garbage, url) =>
            !TwilioSignature.Validate(r.Token, garbage, r.Url, r.Parameters)
            && !TwilioSignature.Validate(r.Token, garbage, url, r.Parameters)
            && !TwilioSignature.ValidateBody(r.Token, garbage, url, System.Text.Encoding.UTF8.GetBytes(garbage)));

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
