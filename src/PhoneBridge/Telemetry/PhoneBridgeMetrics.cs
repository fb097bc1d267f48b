using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace PhoneBridge.Telemetry;

/// <summary>
/// The telephony side's instruments on the <c>PhoneBridge</c> meter. Tags take a handful of fixed
/// values each (an endpoint's route, an outcome, a channel): never a number, a PIN or a call id.
/// </summary>
public sealed class PhoneBridgeMetrics
{
    private readonly Counter<long> _webhooks;
    private readonly Histogram<double> _webhookDuration;
    private readonly Counter<long> _pinsIssued;
    private readonly Counter<long> _inbound;
    private readonly Counter<long> _outbound;

    /// <summary>Creates the instruments on the host's meter factory, so each host in a process counts its own.</summary>
    public PhoneBridgeMetrics(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        var meter = meters.Create(PhoneBridgeTelemetry.Name);
        _webhooks = meter.CreateCounter<long>("phonebridge.twilio.webhooks", "{request}",
            "Twilio webhook requests, by endpoint and outcome (ok, signature_rejected, failed).");
        _webhookDuration = meter.CreateHistogram("phonebridge.twilio.webhook.duration", "s",
            "Time to answer a Twilio webhook, signature check included.",
            advice: PhoneBridgeTelemetry.Durations);
        _pinsIssued = meter.CreateCounter<long>("phonebridge.pins.issued", "{pin}",
            "PINs given to calls: new for a call's first, reissued for a replacement.");
        _inbound = meter.CreateCounter<long>("phonebridge.messaging.inbound", "{message}",
            "WhatsApp and SMS messages Twilio delivered, by channel and outcome (stored, unusable, failed).");
        _outbound = meter.CreateCounter<long>("phonebridge.messaging.outbound", "{message}",
            "WhatsApp and SMS messages sent through Twilio's Messages API, by channel and outcome (sent, failed).");
    }

    /// <summary>One answered webhook; <paramref name="endpoint"/> is its route pattern.</summary>
    public void Webhook(string endpoint, string outcome, double seconds)
    {
        var tags = new TagList { { "twilio.endpoint", endpoint }, { "twilio.outcome", outcome } };
        _webhooks.Add(1, tags);
        _webhookDuration.Record(seconds, tags);
    }

    /// <summary>A PIN given to a call (<c>new</c> or <c>reissued</c>).</summary>
    public void PinIssued(string kind) => _pinsIssued.Add(1, new KeyValuePair<string, object?>("pin.kind", kind));

    /// <summary>A message that arrived on <paramref name="channel"/> (<c>whatsapp</c>, <c>sms</c> or <c>unknown</c>).</summary>
    public void Inbound(string channel, string outcome) =>
        _inbound.Add(1, new KeyValuePair<string, object?>("messaging.channel", channel), new KeyValuePair<string, object?>("messaging.outcome", outcome));

    /// <summary>A message sent on <paramref name="channel"/>, or refused or unreachable (<c>failed</c>).</summary>
    public void Outbound(string channel, string outcome) =>
        _outbound.Add(1, new KeyValuePair<string, object?>("messaging.channel", channel), new KeyValuePair<string, object?>("messaging.outcome", outcome));
}
