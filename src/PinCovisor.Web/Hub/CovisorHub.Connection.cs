using Microsoft.AspNetCore.SignalR;
using PinCovisor.Web.Auth;
using PinCovisor.Web.Sessions;

namespace PinCovisor.Web.Hub;

/// <summary>Opening and closing connections: who is connecting, in which groups.</summary>
internal sealed partial class CovisorHub
{
    /// <summary>
    /// Reads who is connecting from the credential and restores their groups: an agent's own group;
    /// a customer's participant group, plus the session's reader groups when admitted or its lobby when waiting.
    /// </summary>
    public override async Task OnConnectedAsync()
    {
        var user = Context.User!;
        if (user.AgentUsername() is { } username)
        {
            HubConnectionState.Attach(Context, new HubConnectionState(
                new HubCaller(true, username, null, new EventAuthor(CovisorClaims.AgentRole, username, _agents.DisplayName(username))),
                BearerToken()));
            await Groups.AddToGroupAsync(Context.ConnectionId, HubGroups.Agent(username), Aborted).ConfigureAwait(false);
            // Connecting is activity: the console's "last seen" moves, the agent's status stays.
            await _presence.TouchAsync(username, Aborted).ConfigureAwait(false);
            return;
        }

        var sessionId = user.CustomerSession() ?? throw HubErrors.NotInSession();
        var participantId = user.ParticipantId() ?? throw HubErrors.NotInSession();
        HubConnectionState.Attach(Context, new HubConnectionState(
            new HubCaller(false, participantId, sessionId, new EventAuthor(CovisorClaims.CustomerRole, participantId, "Customer")),
            BearerToken()));
        _connections.Track(sessionId, Context);
        await Groups.AddToGroupAsync(Context.ConnectionId, HubGroups.Participant(sessionId, participantId), Aborted).ConfigureAwait(false);
        var admission = await CustomerAdmissionAsync(sessionId, participantId).ConfigureAwait(false);
        var groups = admission == AdmissionState.Admitted ? HubGroups.Reader(sessionId, isAgent: false) : [HubGroups.Lobby(sessionId)];
        await AddToGroupsAsync(groups).ConfigureAwait(false);
        HubLog.Connected(_logger, Context.ConnectionId, CovisorClaims.CustomerRole, sessionId);
    }

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        _connections.UntrackAll(Context);
        return Task.CompletedTask;
    }

    private async Task AddToGroupsAsync(IEnumerable<string> groups)
    {
        foreach (var group in groups)
        {
            await Groups.AddToGroupAsync(Context.ConnectionId, group, Aborted).ConfigureAwait(false);
        }
    }

    /// <summary>The bearer token of the request that opened the connection, as the bearer scheme read it.</summary>
    private string? BearerToken()
    {
        if (Context.GetHttpContext()?.Request is not { } request)
        {
            return null;
        }

        var header = request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header["Bearer ".Length..].Trim()
            : request.Query["access_token"].ToString() is { Length: > 0 } query ? query
            : null;
    }
}
