using System.Net;
using System.Security.Cryptography;
using System.Text;

using PhoneBridge.Twilio;

using RequestValidator = global::Twilio.Security.RequestValidator;

namespace PhoneBridge.Tests.Twilio;

/// <summary>
/// Hundreds of generated requests checked against the official Twilio Node helper, both ways: our
/// signatures equal the helper's, and a request the helper signed is accepted by our validation
/// (the SDK's validator through our glue, called directly and through the endpoint filter on real
/// Kestrel) exactly when the helper's own validation accepts it. The seed is in every failure
/// message; set TWILIO_CROSSCHECK_SEED to replay it.
/// </summary>
public sealed class TwilioSignatureCrossCheckTests
{
    private const int Requests = 300;

    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task GeneratedSignaturesMatchTheOfficialHelper()
    {
        RandomTwilioRequests random = new(RandomTwilioRequests.NewSeed());
        List<(string Token, string Url, List<KeyValuePair<string, string>> Params)> cases = [.. Enumerable.Range(0, Requests)
            .Select(_ => (random.Token(), random.Url().ToString(), random.Parameters()))];

        IReadOnlyList<NodeResult> node = await TwilioNodeHelper.RunAsync(
            cases.Select(c => new { op = "sign", token = c.Token, signUrl = c.Url, @params = NodeCase.Params(c.Params) }))
            .WaitAsync(Timeout);

        List<string> mismatches = [.. cases.Select((c, i) => (c, i))
            .Where(x => TwilioSignature.Compute(x.c.Token, x.c.Url, x.c.Params) != node[x.i].Text)
            .Select(x => $"url {x.c.Url} params [{string.Join(", ", x.c.Params)}]")];
        mismatches.Should().BeEmpty("our signature must equal getExpectedTwilioSignature (seed {0})", random.Seed);
    }

    [Fact]
    public Task RequestsSignedWithTheDefaultPortAddedOrRemovedAreAcceptedLikeTheOfficialHelperAcceptsThem() =>
        AssertAgreementAsync((random, url, parameters) =>
        {
            string defaultPort = RandomTwilioRequests.DefaultPort(url.Scheme);
            return
            [
                new(url, url, parameters, MustPass: true),

                // Twilio signed the URL with the default port and we received it without, and the other way round.
                new(url.WithPort(defaultPort), url.WithPort(string.Empty), parameters, MustPass: true),
                new(url.WithPort(string.Empty), url.WithPort(defaultPort), parameters, MustPass: true),

                // Any other port pairing: we must agree with the helper, whatever it says.
                new(url.WithPort(random.Pick(["", ":8080", defaultPort])), url, parameters, MustPass: null),
            ];
        });

    [Fact]
    public Task RequestsWithOneAlteredParameterOrUrlCharacterAreRejectedLikeTheOfficialHelperRejectsThem() =>
        AssertAgreementAsync((random, url, parameters) =>
        {
            List<Check> checks = [new(url, random.AlterOneCharacter(url), parameters, MustPass: false)];
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
                checks.Add(new(url, url, altered, MustPass: false, SignParams: parameters));
            }

            return checks;
        });

    [Fact]
    public Task BodySha256RequestsAreJudgedLikeTheOfficialHelperJudgesThem() =>
        AssertAgreementAsync((random, url, _) =>
        {
            string body = $$"""{"CallSid":"CA{{random.Next(1000)}}","Text":"{{random.Text(8).Replace("\"", "'", StringComparison.Ordinal).Replace("\0", "", StringComparison.Ordinal)}}"}""";
            string hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(body)));
            RandomUrl events = url with { PathAndQuery = "/twilio/events" + random.Pick(["?", "?Source=conversations&"]) + "bodySHA256=" };
            RandomUrl signed = events with { PathAndQuery = events.PathAndQuery + hash };
            RandomUrl upperCase = events with { PathAndQuery = events.PathAndQuery + hash.ToUpperInvariant() };
            string defaultPort = RandomTwilioRequests.DefaultPort(url.Scheme);
            return
            [
                new(signed, signed, [], MustPass: true, Body: body),
                new(signed, signed, [], MustPass: false, Body: body + " "),
                new(upperCase, upperCase, [], MustPass: false, Body: body),
                new(signed.WithPort(string.Empty), signed.WithPort(defaultPort), [], MustPass: true, Body: body),
                new(signed.WithPort(defaultPort), signed.WithPort(string.Empty), [], MustPass: true, Body: body),
            ];
        });

    // Generates the requests, lets the test turn each into checks, has Node sign and validate
    // every check, then validates each signed request ourselves, directly and over HTTP.
    private static async Task AssertAgreementAsync(Func<RandomTwilioRequests, RandomUrl, List<KeyValuePair<string, string>>, List<Check>> checksFor)
    {
        RandomTwilioRequests random = new(RandomTwilioRequests.NewSeed());
        List<Check> checks = [];
        for (int i = 0; i < Requests; i++)
        {
            checks.AddRange(checksFor(random, random.Url(), random.Parameters()));
        }

        const string Token = TwilioTestServer.AuthToken;
        IReadOnlyList<NodeResult> node = await TwilioNodeHelper.RunAsync(checks.Select(c => c.Body is null
                ? NodeCase.SignAndValidate(Token, c.Signed.ToString(), c.Received.ToString(), c.Params, c.SignParams)
                : NodeCase.SignAndValidateBody(Token, c.Signed.ToString(), c.Received.ToString(), c.Body)))
            .WaitAsync(Timeout);

        await using TwilioTestServer server = await TwilioTestServer.StartAsync().WaitAsync(Timeout);
        RequestValidator validator = new(Token);
        List<string> mismatches = [];
        for (int i = 0; i < checks.Count; i++)
        {
            Check check = checks[i];
            node[i].Error.Should().BeNull("the helper must handle every generated request (seed {0})", random.Seed);
            bool nodeValid = node[i].Valid;
            string signature = node[i].Signature;

            // The URLs the filter tries for a request to the received URL (its userinfo kept as signed).
            List<string> urls = TwilioRequestUrl.Candidates(check.Received.ToString(), null);
            bool direct = check.Body is null
                ? TwilioRequestVerifier.IsSigned(validator, signature, urls, check.Params)
                : TwilioRequestVerifier.IsSignedJson(validator, signature, urls, Encoding.UTF8.GetBytes(check.Body));

            using HttpContent content = check.Body is null
                ? new FormUrlEncodedContent(check.Params)
                : new StringContent(check.Body, Encoding.UTF8, "application/json");
            using HttpResponseMessage response = await server.SendAsTwilioAsync(check.Received, content, signature).WaitAsync(Timeout);
            HttpStatusCode expectedStatus = nodeValid ? HttpStatusCode.OK : HttpStatusCode.Forbidden;

            if (direct != nodeValid || response.StatusCode != expectedStatus || (check.MustPass is bool expected && nodeValid != expected))
            {
                mismatches.Add($"node {nodeValid}, direct {direct}, over HTTP {(int)response.StatusCode}, expected {check.MustPass}: " +
                    $"signed {check.Signed} received {check.Received} params [{string.Join(", ", check.Params)}] body {check.Body}");
            }
        }

        mismatches.Should().BeEmpty("our validation must agree with validateRequest on all {0} checks (seed {1})", checks.Count, random.Seed);
    }

    private sealed record Check(
        RandomUrl Signed, RandomUrl Received, List<KeyValuePair<string, string>> Params, bool? MustPass,
        List<KeyValuePair<string, string>>? SignParams = null, string? Body = null);
}
