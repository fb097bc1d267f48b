using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.HttpResults;
using PinCovisor.Web.Media;

namespace PinCovisor.Web.Demo;

/// <summary>
/// <c>POST /demo/whatsapp/media</c>: the messaging simulator's photo, kept by the simulated REST API
/// as Twilio keeps what a customer sends, so the host downloads it from a <c>MediaUrl</c> with the
/// account's credentials, as it would from Twilio.
/// </summary>
internal static partial class SimulatorMedia
{
    /// <summary>Twilio's limit for an inbound WhatsApp image.</summary>
    public const int MaxBytes = 5 * 1024 * 1024;

    private static readonly string[] Types = ["image/jpeg", "image/png", "image/gif", "image/webp"];

    public static async Task<Results<Ok<SimulatorMediaStored>, ProblemHttpResult>> StoreAsync(
        HttpRequest request, string? message, DemoTwilioApi twilioApi, DemoOrigin origin)
    {
        var type = request.ContentType?.Split(';')[0].Trim().ToLowerInvariant();
        if (type is null || !Types.Contains(type))
        {
            return Problems.UnsupportedType($"Send the photo's bytes as one of {string.Join(", ", Types)}.");
        }

        if (!string.IsNullOrEmpty(message) && !MessageSid().IsMatch(message))
        {
            return Problems.BadRequest("message must be the MM… SID a previous photo of this message returned.");
        }

        if (origin.Value is not { } self)
        {
            return Problems.BadRequest("The simulator does not know this host's address; set Demo:Origin.");
        }

        if (request.ContentLength > MaxBytes)
        {
            return Problems.TooLarge($"At most {MaxBytes / 1024 / 1024} MB per photo.");
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, request.HttpContext.RequestAborted).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > MaxBytes)
            {
                return Problems.TooLarge($"At most {MaxBytes / 1024 / 1024} MB per photo.");
            }

            buffer.Write(chunk, 0, read);
        }

        if (buffer.Length == 0)
        {
            return Problems.BadRequest("The photo is empty.");
        }

        var media = twilioApi.Api.AddMedia(buffer.ToArray(), type, message);
        return TypedResults.Ok(new SimulatorMediaStored(media.MessageSid, media.Sid, self + DemoTwilioApi.Prefix + media.Path, type));
    }

    [GeneratedRegex("^MM[0-9a-f]{32}$")]
    private static partial Regex MessageSid();
}
