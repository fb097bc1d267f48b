using System.Security.Claims;
using PinCovisor.Web.Auth;
using PinCovisor.Web.Sessions;

namespace PinCovisor.Web.Hub;

/// <summary>Opening and closing connections: who is connecting, under which credential, in which groups.</summary>
internal sealed partial class CovisorHub
{
    /// <summary>
    /// Reads who is connecting from the credential, tracks the connection under it (so its death
    /// cuts the connection) and restores their groups: an agent's own group; a customer's
    /// participant group, plus the session's reader groups when admitted or its lobby when waiting.
    /// </summary>
    public override async Task OnConnectedAsync()
    {
        var user = Context.User!;
        var tokenId = user.FindFirstValue(CovisorClaims.TokenId);
        try
        {
            if (user.AgentUsername() is { } username)
            {
                HubConnectionState.Attach(Context, new HubConnectionState(
                    new HubCaller(true, username, null, new EventAuthor(CovisorClaims.AgentRole, username, _agents.DisplayName(username))),
                    tokenId));
                await ConnectAgentAsync(username).ConfigureAwait(false);
                return;
            }

            var sessionId = user.CustomerSession() ?? throw HubErrors.NotInSession();
            var participantId = user.ParticipantId() ?? throw HubErrors.NotInSession();
            HubConnectionState.Attach(Context, new HubConnectionState(
                new HubCaller(false, participantId, sessionId, new EventAuthor(CovisorClaims.CustomerRole, participantId, "Customer")),
                tokenId));
            await ConnectCustomerAsync(sessionId, participantId).ConfigureAwait(false);
        }
        catch
        {
            // SignalR calls no OnDisconnectedAsync for a connection that failed to open.
            _connections.UntrackAll(Context);
            throw;
        }
    }

    private async Task ConnectAgentAsync(string username)
    {
        _connections.TrackCredential(Context);
        // Tracked first, checked second: a revocation racing the connection either finds it
        // tracked or is seen here.
        await _access.RequireCredentialAsync(Context, Aborted).ConfigureAwait(false);
        await Groups.AddToGroupAsync(Context.ConnectionId, HubGroups.Agent(username), Aborted).ConfigureAwait(false);
        // Connecting is activity: the console's "last seen" moves, the agent's status stays.
        await _presence.TouchAsync(username, Aborted).ConfigureAwait(false);
    }

    private async Task ConnectCustomerAsync(string sessionId, string participantId)
    {
        _connections.TrackCredential(Context);
        _connections.Track(sessionId, Context);
        await _access.RequireCredentialAsync(Context, Aborted).ConfigureAwait(false);
        await Groups.AddToGroupAsync(Context.ConnectionId, HubGroups.Participant(sessionId, participantId), Aborted).ConfigureAwait(false);
        var admission = await CustomerAdmissionAsync(sessionId, participantId).ConfigureAwait(false);
        var groups = admission == AdmissionState.Admitted ? HubGroups.Reader(sessionId, isAgent: false) : [HubGroups.Lobby(sessionId)];
        await AddToGroupsAsync(groups).ConfigureAwait(false);
        HubLog.Connected(_logger, Context.ConnectionId, CovisorClaims.CustomerRole, sessionId);
    }

    private async Task AddToGroupsAsync(IEnumerable<string> groups)
    {
        foreach (var group in groups)
        {
            await Groups.AddToGroupAsync(Context.ConnectionId, group, Aborted).ConfigureAwait(false);
        }
    }

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        _connections.UntrackAll(Context);
        return Task.CompletedTask;
    }
}
