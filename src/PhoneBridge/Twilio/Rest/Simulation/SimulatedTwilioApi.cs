using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Xml;
using System.Xml.Linq;

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace PhoneBridge.Twilio.Rest.Simulation;

/// <summary>
/// Twilio's REST API, as far as PhoneBridge calls it, served from memory for one account: texts
/// (<c>POST Messages.json</c>), the media of inbound messages (<c>GET Messages/{MessageSid}/Media/{MediaSid}</c>, <c>DELETE …/{MediaSid}.json</c>), outbound calls (<c>POST Calls.json</c>), and a call's status and
/// redirection (<c>GET</c> and <c>POST Calls/{CallSid}.json</c>). Requests must carry the account's
/// basic auth and Twilio's form fields; answers and errors have Twilio's JSON shapes and codes
/// (20003 bad credentials, 20404 unknown call, 21220 redirecting a call that is over, …).
/// What arrives is recorded and raised as events, so a phone simulator can play it. Point
/// <c>Twilio:ApiBaseUrl</c> at wherever <see cref="Map"/> put it.
/// </summary>
/// <param name="accountSid">The account SID requests must authenticate as.</param>
/// <param name="authToken">The account's auth token.</param>
/// <param name="time">The clock for the dates in the answers; the system clock when null.</param>
public sealed class SimulatedTwilioApi(string accountSid, string authToken, TimeProvider? time = null)
{
    private readonly ConcurrentDictionary<string, SimulatedCall> _calls = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<SimulatedMessage> _messages = new();
    private readonly SimulatedMediaStore _media = new();
    private readonly TimeProvider _time = time ?? TimeProvider.System;

    /// <summary>Raised for each text accepted.</summary>
    public event EventHandler<SimulatedMessage>? MessageCreated;

    /// <summary>Raised for each outbound call placed.</summary>
    public event EventHandler<SimulatedCall>? CallCreated;

    /// <summary>Raised for each change to a call: new TwiML, a new URL, or its end.</summary>
    public event EventHandler<SimulatedCallUpdate>? CallUpdated;

    /// <summary>The texts accepted, oldest first.</summary>
    public IReadOnlyCollection<SimulatedMessage> Messages => _messages;

    /// <summary>The calls known, in no order.</summary>
    public IReadOnlyCollection<SimulatedCall> Calls => [.. _calls.Values];

    /// <summary>The call with <paramref name="callSid"/>, or null.</summary>
    public SimulatedCall? FindCall(string callSid) => _calls.GetValueOrDefault(callSid);

    /// <summary>Makes a call the simulator placed itself (an inbound call) known, so the API can fetch and redirect it.</summary>
    public SimulatedCall AddCall(string callSid, string from, string to, string status = "in-progress")
    {
        ArgumentException.ThrowIfNullOrEmpty(callSid);
        return _calls.GetOrAdd(callSid, sid => new SimulatedCall(sid, from, to, "inbound", status, _time.GetUtcNow()));
    }

    /// <summary>Moves a call on (it rang, was answered, ended), as the phone network would. False when the call is unknown.</summary>
    public bool SetStatus(string callSid, string status)
    {
        if (!_calls.TryGetValue(callSid, out var call))
        {
            return false;
        }

        call.Change(status, null, _time.GetUtcNow());
        return true;
    }

    /// <summary>
    /// Keeps <paramref name="bytes"/> as the media of an inbound message, as Twilio keeps what a customer
    /// sends: the simulated API serves it to whoever has the account's credentials. A second media of
    /// the same message names its <paramref name="messageSid"/>; without one a new <c>MM…</c> message is started.
    /// </summary>
    public SimulatedMedia AddMedia(ReadOnlyMemory<byte> bytes, string contentType, string? messageSid = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(contentType);
        var message = string.IsNullOrEmpty(messageSid) ? NewSid("MM") : messageSid;
        var sid = NewSid("ME");
        var media = new SimulatedMedia(message, sid, contentType, $"/{SimulatedTwilioJson.ApiVersion}/Accounts/{accountSid}/Messages/{message}/Media/{sid}")
        {
            Bytes = bytes.ToArray(),
        };
        _media.Add(media);
        return media;
    }

    /// <summary>
    /// When set, a media's <c>GET</c> answers <c>307</c> to <c>{MediaRedirect}/{MessageSid}/{MediaSid}</c>, as
    /// Twilio answers with a signed URL of its CDN; whoever serves that URL finds the bytes with <see cref="FindMedia"/>.
    /// </summary>
    public Uri? MediaRedirect { get; set; }

    /// <summary>The media kept for <paramref name="messageSid"/> under <paramref name="mediaSid"/>, or null (unknown or deleted).</summary>
    public SimulatedMedia? FindMedia(string messageSid, string mediaSid) => _media.Find(messageSid, mediaSid);

    /// <summary>
    /// Maps the API under <paramref name="endpoints"/> (a route group may add a path prefix, which
    /// <c>Twilio:ApiBaseUrl</c> then ends with).
    /// </summary>
    /// <returns>The group of the account's routes, for conventions such as a host filter.</returns>
    public RouteGroupBuilder Map(IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var account = endpoints.MapGroup($"/{SimulatedTwilioJson.ApiVersion}/Accounts/{{accountSid}}");
        account.AddEndpointFilter(async (context, next) => Authenticate(context.HttpContext.Request) ?? await next(context).ConfigureAwait(false));
        account.MapPost("/Messages.json", CreateMessageAsync);
        account.MapPost("/Calls.json", CreateCallAsync);
        account.MapGet("/Calls/{callSid}.json", (string callSid) => FindCall(callSid) is { } call ? CallResult(call) : NotFound(callSid));
        account.MapPost("/Calls/{callSid}.json", UpdateCallAsync);
        account.MapGet("/Messages/{messageSid}/Media/{mediaSid}", (string messageSid, string mediaSid, HttpRequest request) =>
            _media.Find(messageSid, mediaSid) is not { } media ? Error(404, 20404, $"The requested resource {request.Path} was not found")
            : MediaRedirect is { } cdn ? Results.Redirect($"{cdn.ToString().TrimEnd('/')}/{messageSid}/{mediaSid}", preserveMethod: true)
            : Results.Bytes(media.Bytes.ToArray(), media.ContentType));
        account.MapDelete("/Messages/{messageSid}/Media/{mediaSid}.json", (string messageSid, string mediaSid, HttpRequest request) =>
            _media.Remove(messageSid, mediaSid) ? Results.NoContent() : Error(404, 20404, $"The requested resource {request.Path} was not found"));
        return account;
    }

    /// <summary>An error as Twilio writes it: <c>{code, message, more_info, status}</c> with that HTTP status.</summary>
    public static IResult Error(int status, int code, string message) =>
        Results.Json(SimulatedTwilioJson.Error(status, code, message), SimulatedTwilioJson.Options, statusCode: status);

    private IResult? Authenticate(HttpRequest request)
    {
        var expected = Encoding.UTF8.GetBytes($"{accountSid}:{authToken}");
        var given = AuthenticationHeaderValue.TryParse(request.Headers.Authorization, out var header)
            && string.Equals(header.Scheme, "Basic", StringComparison.OrdinalIgnoreCase) && header.Parameter is not null
            ? Decode(header.Parameter) : [];
        if (!CryptographicOperations.FixedTimeEquals(given, expected))
        {
            request.HttpContext.Response.Headers.WWWAuthenticate = "Basic realm=\"Twilio API\"";
            return Error(401, 20003, "Authenticate");
        }

        return string.Equals(request.RouteValues["accountSid"] as string, accountSid, StringComparison.Ordinal)
            ? null
            : Error(404, 20404, $"The requested resource {request.Path} was not found");
    }

    private async Task<IResult> CreateMessageAsync(HttpRequest request)
    {
        var form = await ReadFormAsync(request).ConfigureAwait(false);
        if (Missing(form, ("To", 21604, "A 'To' phone number is required."), ("From", 21603, "A 'From' phone number is required.")) is { } missing)
        {
            return missing;
        }

        // A message needs something to say: a body, media, or a content template.
        string body = form["Body"].ToString(), contentSid = form["ContentSid"].ToString(), contentVariables = form["ContentVariables"].ToString();
        var media = form["MediaUrl"].Select(u => u ?? string.Empty).ToList();
        if (body.Length == 0 && media.Count == 0 && contentSid.Length == 0)
        {
            return Error(400, 21602, "Message body is required.");
        }

        var mediaUrls = media.Select(AbsoluteUrl).ToList();
        if (mediaUrls.Any(u => u is null))
        {
            return Error(400, 21620, "Invalid media URL(s).");
        }

        var statusCallback = AbsoluteUrl(form["StatusCallback"].ToString());
        if (form["StatusCallback"].ToString().Length > 0 && statusCallback is null)
        {
            return Error(400, 21609, "Invalid StatusCallback url.");
        }

        var message = new SimulatedMessage(NewSid("SM"), accountSid, form["To"].ToString(), form["From"].ToString(), body, _time.GetUtcNow())
        {
            StatusCallback = statusCallback,
            MediaUrls = [.. mediaUrls.OfType<Uri>()],
            ContentSid = contentSid.Length > 0 ? contentSid : null,
            ContentVariables = contentVariables.Length > 0 ? contentVariables : null,
        };
        _messages.Enqueue(message);
        MessageCreated?.Invoke(this, message);
        return Results.Json(SimulatedTwilioJson.Message(message), SimulatedTwilioJson.Options, statusCode: 201);
    }

    private async Task<IResult> CreateCallAsync(HttpRequest request)
    {
        var form = await ReadFormAsync(request).ConfigureAwait(false);
        if (Missing(form, ("To", 21201, "No 'To' number is specified"), ("From", 21213, "No 'From' number is specified")) is { } missing)
        {
            return missing;
        }

        var twiml = form["Twiml"].ToString();
        var url = AbsoluteUrl(form["Url"].ToString());
        var statusCallback = AbsoluteUrl(form["StatusCallback"].ToString());
        if ((url is null && twiml.Length == 0) || (form["StatusCallback"].ToString().Length > 0 && statusCallback is null))
        {
            return Error(400, 21205, "Url is not a valid URL");
        }

        if (twiml.Length > 0 && !IsWellFormed(twiml))
        {
            return Error(400, 21232, "Twiml is not valid XML");
        }

        var call = new SimulatedCall(NewSid("CA"), form["From"].ToString(), form["To"].ToString(), "outbound-api", "queued", _time.GetUtcNow())
        {
            Url = url,
            StatusCallback = statusCallback,
            StatusCallbackEvents = [.. form["StatusCallbackEvent"].Select(e => e ?? string.Empty)],
        };
        if (twiml.Length > 0)
        {
            call.Change(null, twiml, call.DateCreated);
        }

        _calls[call.Sid] = call;
        CallCreated?.Invoke(this, call);
        return Results.Json(SimulatedTwilioJson.Call(accountSid, call), SimulatedTwilioJson.Options, statusCode: 201);
    }

    private async Task<IResult> UpdateCallAsync(string callSid, HttpRequest request)
    {
        var form = await ReadFormAsync(request).ConfigureAwait(false);
        if (FindCall(callSid) is not { } call)
        {
            return NotFound(callSid);
        }

        string twiml = form["Twiml"].ToString(), status = form["Status"].ToString();
        var url = AbsoluteUrl(form["Url"].ToString());
        if (form["Url"].ToString().Length > 0 && url is null)
        {
            return Error(400, 21205, "Url is not a valid URL");
        }

        if (twiml.Length > 0 && !IsWellFormed(twiml))
        {
            return Error(400, 21232, "Twiml is not valid XML");
        }

        if (status.Length > 0 && status is not ("completed" or "canceled"))
        {
            return Error(400, 20001, "Status must be completed or canceled");
        }

        if (!call.IsLive)
        {
            return Error(400, 21220, "Call is not in-progress. Cannot redirect.");
        }

        // Twilio cancels a call that was not answered yet and completes one that was.
        var ended = status.Length == 0 ? null : call.Status == "in-progress" ? "completed" : "canceled";
        call.Change(ended, twiml.Length > 0 ? twiml : null, _time.GetUtcNow());
        CallUpdated?.Invoke(this, new SimulatedCallUpdate(call, twiml.Length > 0 ? twiml : null, url, ended));
        return CallResult(call);
    }

    private IResult CallResult(SimulatedCall call) =>
        Results.Json(SimulatedTwilioJson.Call(accountSid, call), SimulatedTwilioJson.Options);

    private IResult NotFound(string callSid) =>
        Error(404, 20404, $"The requested resource /{SimulatedTwilioJson.ApiVersion}/Accounts/{accountSid}/Calls/{callSid}.json was not found");

    // Twilio names the first required field that is missing or empty, with that field's own error code.
    private static IResult? Missing(IFormCollection form, params (string Field, int Code, string Message)[] required) =>
        required.FirstOrDefault(r => string.IsNullOrEmpty(form[r.Field].ToString())) is { Field: not null } absent
            ? Error(400, absent.Code, absent.Message)
            : null;

    private static async Task<IFormCollection> ReadFormAsync(HttpRequest request) =>
        request.HasFormContentType ? await request.ReadFormAsync(request.HttpContext.RequestAborted).ConfigureAwait(false) : FormCollection.Empty;

    private static byte[] Decode(string base64)
    {
        var bytes = new byte[base64.Length];
        return Convert.TryFromBase64String(base64, bytes, out var written) ? bytes[..written] : [];
    }

    private static Uri? AbsoluteUrl(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps) ? uri : null;

    private static bool IsWellFormed(string xml)
    {
        try
        {
            return XDocument.Parse(xml).Root?.Name.LocalName == "Response";
        }
        catch (XmlException)
        {
            return false;
        }
    }

    private static string NewSid(string prefix) => prefix + RandomNumberGenerator.GetHexString(32, lowercase: true);
}
