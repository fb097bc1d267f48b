using System.Security.Cryptography;
using System.Text;

using PhoneBridge.Twilio;

namespace PhoneBridge.Tests.Twilio;

/// <summary>
/// Hundreds of generated requests checked against the official Twilio Node helper. The seed is in
/// every failure message; set TWILIO_CROSSCHECK_SEED to replay it.
/// </summary>
public sealed class TwilioSignatureCrossCheckTests
{
    private const int Requests = 300;

    [Fact]
    public async Task GeneratedSignaturesMatchTheOfficialHelper()
    {
        RandomTwilioRequests random = new(RandomTwilioRequests.NewSeed());
        List<(string Token, string Url, List<KeyValuePair<string, string>> Params)> cases = [.. Enumerable.Range(0, Requests)
            .Select(_ => (random.Token(), random.Url().ToString(), random.Parameters()))];

        IReadOnlyList<NodeResult> node = await TwilioNodeHelper.RunAsync(
            cases.Select(c => new { op = "sign", token = c.Token, signUrl = c.Url, @params = NodeCase.Params(c.Params) }))
            .WaitAsync(TimeSpan.FromSeconds(60));

        List<string> mismatches = [.. cases.Select((c, i) => (c, i))
            .Where(x => TwilioSignature.Compute(x.c.Token, x.c.Url, x.c.Params) != node[x.i].Text)
            .Select(x => $"url {x.c.Url} params [{string.Join(", ", x.c.Params)}]")];
        mismatches.Should().BeEmpty("our signature must equal getExpectedTwilioSignature (seed {0})", random.Seed);
    }

    [Fact]
    public Task ValidateAcceptsWhatTheOfficialHelperAcceptsWithPortsAddedOrRemovedAndUrlsNormalised() =>
        AssertAgreementAsync((random, token, url, parameters) =>
        {
            string defaultPort = RandomTwilioRequests.DefaultPort(url.Scheme);
            return
            [
                // Twilio signed the URL with the default port and we received it without, and the other way round.
                new(token, url.With(defaultPort), "none", url.With(string.Empty), parameters, MustPass: true),
                new(token, url.With(string.Empty), "none", url.With(defaultPort), parameters, MustPass: true),

                // Twilio signed an escaped form of the URL (what new URL() gives, then querystring's).
                new(token, url.ToString(), "whatwg", url.ToString(), parameters, MustPass: true),
                new(token, url.ToString(), "whatwgLegacy", url.ToString(), parameters, MustPass: true),

                // Any other port pairing: we must agree with the helper, whatever it says.
                new(token, url.With(random.Pick(["", ":8080", defaultPort])), "none", url.ToString(), parameters, MustPass: null),
            ];
        });

    [Fact]
    public Task ValidateRejectsOneAlteredParameterOrUrlCharacterLikeTheOfficialHelper() =>
        AssertAgreementAsync((random, token, url, parameters) =>
        {
            List<Check> checks = [new(token, url.ToString(), "none", random.AlterOneCharacter(url), parameters, MustPass: false)];
            if (parameters.Count > 0)
            {
                List<KeyValuePair<string, string>> altered = [.. parameters];
                int at = random.Next(altered.Count);
                // Repeated names are de-duplicated before signing, so the new value must be one the
                // name does not already carry, or the signed content would not change at all.
                string key = altered[at].Key;
                string value = altered[at].Value + random.Pick(["x", " ", "'", "é"]);
                while (altered.Any(p => p.Key == key && p.Value == value))
                {
                    value += random.Pick(["x", " ", "'", "é"]);
                }

                altered[at] = new(key, value);
                checks.Add(new(token, url.ToString(), "none", url.ToString(), altered, MustPass: false, SignParams: parameters));
            }

            return checks;
        });

    [Fact]
    public async Task BodySha256RequestsValidateBothWaysLikeTheOfficialHelper()
    {
        RandomTwilioRequests random = new(RandomTwilioRequests.NewSeed());
        List<(string Token, string SignUrl, string Url, string Body, bool MustPass)> checks = [];
        for (int i = 0; i < Requests / 3; i++)
        {
            string token = random.Token();
            string body = $$"""{"CallSid":"CA{{i}}","Text":"{{random.Text(8).Replace("\"", "'", StringComparison.Ordinal)}}"}""";
            string hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(body)));
            RandomUrl baseUrl = random.Url() with { PathAndQuery = "/twilio/events" + random.Pick(["?", "?Source=conversations&"]) };
            string url = baseUrl + "bodySHA256=" + hash;

            checks.Add((token, url, url, body, true));
            checks.Add((token, url, url, body + " ", false));
            checks.Add((token, baseUrl + "bodySHA256=" + hash.ToUpperInvariant(), baseUrl + "bodySHA256=" + hash.ToUpperInvariant(), body, false));
            checks.Add((token, baseUrl.With(string.Empty) + "bodySHA256=" + hash, baseUrl.With(RandomTwilioRequests.DefaultPort(baseUrl.Scheme)) + "bodySHA256=" + hash, body, true));
        }

        IReadOnlyList<NodeResult> node = await TwilioNodeHelper.RunAsync(checks.Select(c => NodeCase.SignAndValidateBody(c.Token, c.SignUrl, c.Url, c.Body)))
            .WaitAsync(TimeSpan.FromSeconds(60));

        List<string> mismatches = [];
        for (int i = 0; i < checks.Count; i++)
        {
            (string token, string _, string url, string body, bool mustPass) = checks[i];
            bool nodeValid = node[i].Error is null && node[i].Valid;
            bool ours = TwilioSignature.ValidateBody(token, node[i].Error is null ? node[i].Signature : null, url, Encoding.UTF8.GetBytes(body));
            if (ours != nodeValid || nodeValid != mustPass)
            {
                mismatches.Add($"ours {ours}, node {nodeValid} ({node[i].Error}), expected {mustPass}: url {url} body {body}");
            }
        }

        mismatches.Should().BeEmpty("ValidateBody must agree with validateRequestWithBody (seed {0})", random.Seed);
    }

    // Generates the requests, lets the test turn each into checks, and compares us with Node on all of them.
    private static async Task AssertAgreementAsync(Func<RandomTwilioRequests, string, RandomUrl, List<KeyValuePair<string, string>>, List<Check>> checksFor)
    {
        RandomTwilioRequests random = new(RandomTwilioRequests.NewSeed());
        List<Check> checks = [];
        for (int i = 0; i < Requests; i++)
        {
            checks.AddRange(checksFor(random, random.Token(), random.Url(), random.Parameters()));
        }

        IReadOnlyList<NodeResult> node = await TwilioNodeHelper.RunAsync(
            checks.Select(c => NodeCase.SignAndValidate(c.Token, c.SignUrl, c.Transform, c.Url, c.Params, c.SignParams)))
            .WaitAsync(TimeSpan.FromSeconds(60));

        List<string> mismatches = [];
        for (int i = 0; i < checks.Count; i++)
        {
            Check check = checks[i];

            // The helper throws where new URL() cannot parse; for us that is simply "not valid".
            bool nodeValid = node[i].Error is null && node[i].Valid;
            string? signature = node[i].Error is null ? node[i].Signature : null;
            bool ours = signature is not null && TwilioSignature.Validate(check.Token, signature, check.Url, check.Params);
            if (ours != nodeValid || (check.MustPass is bool expected && nodeValid != expected))
            {
                mismatches.Add($"ours {ours}, node {nodeValid} {node[i].Error}, expected {check.MustPass}: signed {check.SignUrl} ({check.Transform}) received {check.Url} params [{string.Join(", ", check.Params)}]");
            }
        }

        mismatches.Should().BeEmpty("Validate must agree with validateRequest on all {0} checks (seed {1})", checks.Count, random.Seed);
    }

    private sealed record Check(
        string Token, string SignUrl, string Transform, string Url, List<KeyValuePair<string, string>> Params,
        bool? MustPass, List<KeyValuePair<string, string>>? SignParams = null);
}
