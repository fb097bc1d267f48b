using System.Net;

namespace PinCovisor.Web.Tests.BadInput;

/// <summary>What a bad request must get back.</summary>
public enum Answer
{
    /// <summary>The given 4xx as application/problem+json.</summary>
    Problem,

    /// <summary>A 200 TwiML document that still takes the caller somewhere (Twilio reads only TwiML).</summary>
    TwiML,

    /// <summary>The given status with no particular body (Twilio's signature refusals, status callbacks).</summary>
    Bare,
}

/// <summary>One bad request, how to send it to the shared host, and the answer it must get.</summary>
public sealed record BadInputCase(string Name, HttpStatusCode Status, Answer Answer, Func<BadInputHost, Task<HttpResponseMessage>> Send)
{
    public override string ToString() => Name;
}
