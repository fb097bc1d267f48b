using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PhoneBridge.Agents;

namespace PhoneBridge.Ivr;

/// <summary>
/// Says at start-up, in queue routing, which agents can take calls from a phone: only those with an
/// agent code. It runs once every hosted service has started, so the directory the host loads at
/// start-up (the accounts in Redis) is the one checked.
/// </summary>
internal sealed class AgentLineCheck(IAgentDirectory agents, AgentCodes codes, IOptions<IvrOptions> options, ILogger<AgentLineCheck> logger)
    : IHostedLifecycleService
{
    public Task StartedAsync(CancellationToken cancellationToken)
    {
        if (options.Value.Routing != IvrRouting.Enqueue)
        {
            return Task.CompletedTask;
        }

        var reachable = agents.Reachable;
        var byPhone = reachable.Where(a => a.PhoneNumbers.Count > 0).ToList();
        var withoutCode = byPhone.Where(a => codes.HashOf(a) is null).Select(a => a.Username).ToList();
        IvrLog.AgentLineReady(logger, byPhone.Count - withoutCode.Count, reachable.Count(a => a.ClientIdentity is not null));
        if (withoutCode.Count > 0)
        {
            IvrLog.AgentsWithoutCode(logger, string.Join(", ", withoutCode));
        }

        return Task.CompletedTask;
    }

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
