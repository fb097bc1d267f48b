namespace PhoneBridge.Twilio.Messaging;

/// <summary>Sends text messages through Twilio's REST Messages API.</summary>
public interface ITwilioMessages
{
    /// <summary>Queues one SMS at Twilio. False when Twilio refused it or could not be reached.</summary>
    Task<bool> SendAsync(string recipient, string sender, string body, CancellationToken cancellationToken = default);
}
