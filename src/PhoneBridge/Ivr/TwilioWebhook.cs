using Microsoft.AspNetCore.Http;

namespace PhoneBridge.Ivr;

/// <summary>The parameters Twilio posts to a voice webhook, read from the (already validated) form.</summary>
internal sealed class TwilioWebhook
{
    private readonly IFormCollection _form;

    private TwilioWebhook(IFormCollection form) => _form = form;

    public static async Task<TwilioWebhook> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var form = request.HasFormContentType
            ? await request.ReadFormAsync(cancellationToken).ConfigureAwait(false)
            : FormCollection.Empty;
        return new TwilioWebhook(form);
    }

    /// <summary>This leg's id. Twilio always sends it; an empty one is treated as a call we cannot track.</summary>
    public string CallSid => this["CallSid"] ?? "";

    public string? ParentCallSid => this["ParentCallSid"];

    public string? From => this["From"];

    /// <summary>The ISO country of the caller's number, as Twilio works it out (e.g. <c>ES</c>); absent when it cannot.</summary>
    public string? FromCountry => this["FromCountry"];

    public string? To => this["To"];

    /// <summary>The ISO country of the called number (for a call the shop placed: the customer's).</summary>
    public string? ToCountry => this["ToCountry"];

    public string? Digits => this["Digits"];

    public string? CallStatus => this["CallStatus"];

    public string? DialCallStatus => this["DialCallStatus"];

    public string? QueueResult => this["QueueResult"];

    public string? DequeuingCallSid => this["DequeingCallSid"] ?? this["DequeuingCallSid"];

    private string? this[string key] =>
        _form.TryGetValue(key, out var value) && !string.IsNullOrWhiteSpace(value) ? value.ToString() : null;
}
