namespace PhoneBridge.Twilio;

/// <summary>Why a request to a Twilio endpoint was answered with a bare 403.</summary>
public enum TwilioRejection
{
    /// <summary>No <c>X-Twilio-Signature</c> header: not sent by Twilio.</summary>
    MissingSignature,

    /// <summary>A body that is neither a form nor JSON with <c>bodySHA256</c> in the URL.</summary>
    UnsupportedContent,

    /// <summary>A body far larger than any Twilio webhook.</summary>
    BodyTooLarge,

    /// <summary>
    /// The signature does not match: a wrong auth token, a URL rebuilt differently from the one
    /// Twilio called (proxy, port, <c>Twilio:BaseUrlOverride</c>), or a forged or altered request.
    /// </summary>
    InvalidSignature,
}
