using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace PinCovisor.Web.Tests.BadInput;

/// <summary>Bodies the JSON APIs must refuse with a problem: broken, mistyped, oversized, undecodable, mislabelled.</summary>
internal static class JsonCases
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    public static IEnumerable<BadInputCase> All()
    {
        yield return Bad("login: a JSON array instead of an object", "POST", "/api/agents/login", "[1,2,3]");
        yield return Bad("login: a username that is a number", "POST", "/api/agents/login", """{"username":5,"password":"x"}""");
        yield return Bad("login: a username that is an object", "POST", "/api/agents/login", """{"username":{"$ne":""},"password":"x"}""");
        yield return Bad("login: an empty body labelled JSON", "POST", "/api/agents/login", "");
        yield return Bad("login: a bare JSON null", "POST", "/api/agents/login", "null");
        yield return Bad("login: two objects back to back", "POST", "/api/agents/login", """{"username":"ana"}{"password":"x"}""");
        yield return Bad("login: a 2 MB username", "POST", "/api/agents/login", $$"""{"username":"{{new string('a', 2_000_000)}}","password":"x"}""");
        yield return Bad("login: invalid UTF-8 bytes in a string", "POST", "/api/agents/login",
            [.. """{"username":"""u8, (byte)'"', 0xC3, 0x28, 0xFF, (byte)'"', .. ""","password":"x"}"""u8]);
        yield return Bad("login: JSON sent as text/plain", "POST", "/api/agents/login", """{"username":"ana","password":"x"}""",
            contentType: "text/plain", status: HttpStatusCode.UnsupportedMediaType);
        yield return Bad("login: JSON sent with no Content-Type", "POST", "/api/agents/login", """{"username":"ana","password":"x"}""",
            contentType: null, status: HttpStatusCode.UnsupportedMediaType);
        yield return new BadInputCase("login: a multipart form where JSON is expected", HttpStatusCode.UnsupportedMediaType, Answer.Problem, async host =>
        {
            using var client = host.ClientWith(null);
            using var form = new MultipartFormDataContent { { new StringContent("ana"), "username" }, { new StringContent("x"), "password" } };
            return await client.PostAsync(new Uri("/api/agents/login", UriKind.Relative), form).WaitAsync(Timeout);
        });
        yield return Bad("login: a body past Kestrel's 30 MB request limit", "POST", "/api/agents/login",
            $$"""{"username":"ana","password":"{{new string('p', 31 * 1024 * 1024)}}"}""", status: HttpStatusCode.RequestEntityTooLarge,
            expectContinue: true);
        yield return Bad("join: the PIN sent as an HTML form", "POST", "/api/join", "pin=123456", contentType: "application/x-www-form-urlencoded");
        yield return Bad("pageview: a url that is an object", "POST", "/api/visitors/pageview", """{"url":{"href":"https://shop.example/"}}""");
        yield return Bad("pageview: a body far over its 4 KiB limit", "POST", "/api/visitors/pageview",
            $$"""{"url":"https://shop.example/","title":"{{new string('t', 100_000)}}"}""");
        yield return Bad("pageview: invalid UTF-8 bytes in the title", "POST", "/api/visitors/pageview",
            [.. """{"url":"https://shop.example/","title":"""u8, (byte)'"', 0xED, 0xA0, 0x80, (byte)'"', (byte)'}']);
        yield return Bad("pageview: JSON sent as multipart", "POST", "/api/visitors/pageview", """{"url":"https://shop.example/"}""",
            contentType: "multipart/form-data; boundary=x");
        yield return Bad("pageview: inSession that is a string", "POST", "/api/visitors/pageview", """{"url":"https://shop.example/","inSession":"yes"}""");
        yield return Bad("new PIN: a CallSid of 300 characters", "POST", $"/api/calls/CA{new string('f', 298)}/pin", "", status: HttpStatusCode.NotFound, agent: true);
        yield return Bad("new PIN: a CallSid no call has", "POST", "/api/calls/..%2F..%2Fadmin/pin", "", status: HttpStatusCode.NotFound, agent: true);
        yield return Bad("presence: a status that is a number", "PUT", "/api/agents/me/presence", """{"status":7}""", agent: true);
        yield return Bad("presence: a status nobody has", "PUT", "/api/agents/me/presence", """{"status":"asleep"}""", agent: true);
        yield return Bad("claim: Arabic-Indic digits", "POST", "/api/calls/claim", """{"pin":"١٢٣٤٥٦"}""", agent: true);
        yield return Bad("claim: a PIN that is an array", "POST", "/api/calls/claim", """{"pin":["1","2","3","4"]}""", agent: true);
        yield return Bad("claim: malformed JSON", "POST", "/api/calls/claim", """{"pin":"123456""", agent: true);
    }

    private static BadInputCase Bad(
        string name, string method, string path, string body, string? contentType = "application/json",
        HttpStatusCode status = HttpStatusCode.BadRequest, bool agent = false, bool expectContinue = false) =>
        Bad(name, method, path, Encoding.UTF8.GetBytes(body), contentType, status, agent, expectContinue);

    private static BadInputCase Bad(
        string name, string method, string path, byte[] body, string? contentType = "application/json",
        HttpStatusCode status = HttpStatusCode.BadRequest, bool agent = false, bool expectContinue = false) =>
        new(name, status, Answer.Problem, async host =>
        {
            using var client = host.ClientWith(agent ? host.Session.AgentToken : null);
            var content = new ByteArrayContent(body);
            if (contentType is not null)
            {
                content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
            }

            using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = content };
            // Lets the server refuse on Content-Length alone; otherwise it closes while the body is still being sent.
            request.Headers.ExpectContinue = expectContinue;
            return await client.SendAsync(request).WaitAsync(Timeout);
        });
}
