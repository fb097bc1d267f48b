using PinCovisor.Web.Auth;

namespace PinCovisor.Web.Agents;

/// <summary>
/// Lets through only agents whose account is an enabled admin, read from Redis on each request so
/// that taking admin rights away takes effect at once.
/// </summary>
internal sealed class AdminOnlyFilter(RedisAgentAccounts accounts) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var username = context.HttpContext.User.AgentUsername();
        var account = username is null ? null : await accounts.GetAsync(username, context.HttpContext.RequestAborted).ConfigureAwait(false);
        return account is { IsAdmin: true, Disabled: false }
            ? await next(context).ConfigureAwait(false)
            : AgentProblems.Forbidden("Only administrators may do this.");
    }
}
