using System.Security.Claims;
using PinCovisor.Web.Auth;

namespace PinCovisor.Web.Sessions;

/// <summary>The one rule for touching a session: its own customers, or the agent in charge of it.</summary>
public static class SessionAccess
{
    /// <summary>
    /// True when <paramref name="user"/> may read or write <paramref name="session"/>: a customer whose
    /// token names this session and who has been admitted, or the agent in charge. Closed sessions
    /// admit nobody.
    /// </summary>
    public static bool Allows(ClaimsPrincipal user, CovisorSession? session, Participant? participant)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (session is null || session.IsClosed)
        {
            return false;
        }

        if (user.IsAgent())
        {
            return string.Equals(user.AgentUsername(), session.AgentUsername, StringComparison.Ordinal);
        }

        return user.IsCustomer()
            && user.CustomerSession() == session.Id
            && participant is { Admission: AdmissionState.Admitted }
            && participant.Id == user.ParticipantId();
    }
}
