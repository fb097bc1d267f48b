using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;
using PinCovisor.Web.Hub;

namespace PinCovisor.Web.Csat;

/// <summary><c>session.ended</c> as customers receive it: the reason, and the credential that answers the survey.</summary>
/// <param name="Reason">As in <see cref="SessionEnded"/>.</param>
/// <param name="CsatToken">What <c>POST /api/csat</c> takes; null when the survey is off (<c>Csat:Enabled</c>).</param>
/// <param name="CsatMaxComment">The longest comment the answer may carry (<c>Csat:MaxComment</c>); null with no token.</param>
public sealed record CustomerSessionEnded(string Reason, string? CsatToken, int? CsatMaxComment);

/// <summary>
/// The survey's credential for visual sessions. The customer's session token dies at close, so their
/// copy of <c>session.ended</c> carries this one instead: the session id and the end's instant,
/// encrypted and signed with the hosts' Data Protection key ring (any host reads it, nobody forges it,
/// it is stored nowhere). Agents' copies and the stored log never hold it. It answers once:
/// <see cref="CsatStore.RecordAsync"/> keeps one answer per session.
/// </summary>
internal sealed class CsatTickets(IDataProtectionProvider protection, IOptions<CsatOptions> options)
{
    private readonly IDataProtector _protector = protection.CreateProtector("PinCovisor.Csat.Ticket");

    /// <summary>The customers' payload of the <c>session.ended</c> event <paramref name="ended"/>.</summary>
    public JsonElement CustomerCopy(CovisorEvent ended)
    {
        ArgumentNullException.ThrowIfNull(ended);
        var reason = ended.DataAs<SessionEnded>().Reason;
        var token = options.Value.Enabled && CsatQuestions.Asks(reason)
            ? _protector.Protect(string.Create(CultureInfo.InvariantCulture, $"{ended.SessionId}|{ended.At.ToUnixTimeMilliseconds()}"))
            : null;
        return JsonSerializer.SerializeToElement(
            new CustomerSessionEnded(reason, token, token is null ? null : options.Value.MaxComment), CovisorEvent.JsonOptions);
    }

    /// <summary>The session and end instant a token names; null when it is not one of ours.</summary>
    public (string SessionId, DateTimeOffset EndedAt)? Read(string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 1024)
        {
            return null;
        }

        try
        {
            var parts = _protector.Unprotect(token).Split('|');
            return parts is [{ Length: > 0 } id, var ms] && long.TryParse(ms, CultureInfo.InvariantCulture, out var at)
                ? (id, DateTimeOffset.FromUnixTimeMilliseconds(at))
                : null;
        }
        catch (CryptographicException)
        {
            return null;
        }
    }
}
