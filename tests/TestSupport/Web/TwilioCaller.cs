using System.Xml.Linq;
using PhoneBridge.Twilio;

namespace PhoneBridge.Testing.Web;

/// <summary>Plays Twilio's part against a running host: signed form posts, TwiML parsed back.</summary>
public sealed class TwilioCaller(HttpClient http, string authToken = PinCovisorHost.AuthToken)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    public static string NewCallSid() => "CA" + Guid.NewGuid().ToString("N");

    /// <summary>The parameters Twilio sends with every voice webhook of an inbound call.</summary>
    public static List<KeyValuePair<string, string>> InboundCall(string callSid, string from = "+34600111222", string to = "+34910000000") =>
    [
        new("AccountSid", "AC" + new string('1', 32)),
        new("ApiVersion", "2010-04-01"),
        new("CallSid", callSid),
        new("CallStatus", "ringing"),
        new("Direction", "inbound"),
        new("From", from),
        new("To", to),
        new("CallerCountry", "ES"),
    ];

    /// <summary>POSTs a form signed as Twilio signs it (or with the given signature, or none).</summary>
    public async Task<HttpResponseMessage> PostAsync(
        string pathAndQuery, IEnumerable<KeyValuePair<string, string>> form, string? signature = null, bool sign = true)
    {
        var parameters = form.ToList();
        var url = new Uri(http.BaseAddress!, pathAndQuery).ToString();
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent(parameters) };
        if (sign)
        {
            request.Headers.Add("X-Twilio-Signature", signature ?? TwilioSignature.Compute(authToken, url, parameters));
        }

        return await http.SendAsync(request).WaitAsync(Timeout);
    }

    /// <summary>
    /// POSTs any body signed over <paramref name="signedParameters"/> (the fields as the server will
    /// decode them), for bodies <see cref="FormUrlEncodedContent"/> cannot produce: raw bytes, other types.
    /// </summary>
    public async Task<HttpResponseMessage> PostContentAsync(
        string pathAndQuery, HttpContent content, IEnumerable<KeyValuePair<string, string>>? signedParameters)
    {
        var url = new Uri(http.BaseAddress!, pathAndQuery).ToString();
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = content };
        request.Headers.Add("X-Twilio-Signature", TwilioSignature.Compute(authToken, url, signedParameters));
        return await http.SendAsync(request).WaitAsync(Timeout);
    }

    /// <summary>POSTs signed and returns the TwiML document, asserting a 200 with XML.</summary>
    public async Task<XDocument> TwiMLAsync(string pathAndQuery, IEnumerable<KeyValuePair<string, string>> form)
    {
        using var response = await PostAsync(pathAndQuery, form);
        var body = await response.Content.ReadAsStringAsync().WaitAsync(Timeout);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"POST {pathAndQuery} answered {(int)response.StatusCode}: {body}");
        }

        if (response.Content.Headers.ContentType?.MediaType != "application/xml")
        {
            throw new InvalidOperationException($"POST {pathAndQuery} answered {response.Content.Headers.ContentType}, not application/xml.");
        }

        return XDocument.Parse(body);
    }
}
