using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace PhoneBridge.Twilio.Rest.Simulation;

/// <summary>The JSON bodies of Twilio's REST API (2010-04-01), as far as the simulator answers.</summary>
internal static class SimulatedTwilioJson
{
    public const string ApiVersion = "2010-04-01";

    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    // Twilio writes dates as RFC 2822 in UTC: "Thu, 03 Dec 2026 05:35:21 +0000".
    public static string Date(DateTimeOffset instant) =>
        instant.ToUniversalTime().ToString("ddd, dd MMM yyyy HH:mm:ss '+0000'", CultureInfo.InvariantCulture);

    public static MessageJson Message(SimulatedMessage m) => new(
        m.Sid, m.AccountSid, ApiVersion, m.Body, Date(m.DateCreated), Date(m.DateCreated), null, "outbound-api", null, null,
        m.From, m.To, null, m.MediaUrls.Count.ToString(CultureInfo.InvariantCulture), "1", null, "USD", "queued", $"/{ApiVersion}/Accounts/{m.AccountSid}/Messages/{m.Sid}.json");

    public static CallJson Call(string accountSid, SimulatedCall c) => new(
        c.Sid, accountSid, ApiVersion, Date(c.DateCreated), Date(c.DateUpdated), c.Direction, c.From, c.From, c.To, c.To,
        c.Status, null, null, null, null, null, null, null, "USD", $"/{ApiVersion}/Accounts/{accountSid}/Calls/{c.Sid}.json");

    public static ErrorJson Error(int status, int code, string message) =>
        new(code, message, $"https://www.twilio.com/docs/errors/{code}", status);

    public sealed record MessageJson(
        string Sid, string AccountSid, string ApiVersion, string Body, string DateCreated, string DateUpdated, string? DateSent,
        string Direction, int? ErrorCode, string? ErrorMessage, string From, string To, string? MessagingServiceSid,
        string NumMedia, string NumSegments, string? Price, string PriceUnit, string Status, string Uri);

    public sealed record CallJson(
        string Sid, string AccountSid, string ApiVersion, string DateCreated, string DateUpdated, string Direction,
        string From, string FromFormatted, string To, string ToFormatted, string Status, string? ParentCallSid,
        string? StartTime, string? EndTime, string? Duration, string? AnsweredBy, string? CallerName, string? Price,
        string PriceUnit, string Uri);

    public sealed record ErrorJson(int Code, string Message, string MoreInfo, int Status);
}
