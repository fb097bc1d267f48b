using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using PhoneBridge.Agents;
using PinCovisor.Web.Auth;

namespace PinCovisor.Web.Agents;

/// <summary>
/// <c>GET/POST /api/admin/agents</c>, <c>PUT /api/admin/agents/{username}/disabled</c> and
/// <c>PUT /api/admin/agents/{username}/code</c>, for admins.
/// </summary>
internal static class AdminAgentEndpoints
{
    public static RouteGroupBuilder MapAdminAgents(this RouteGroupBuilder admin)
    {
        admin.MapGet("/agents", ListAsync);
        admin.MapPost("/agents", CreateAsync).ProducesProblem(StatusCodes.Status409Conflict);
        admin.MapPut("/agents/{username}/disabled", SetDisabledAsync).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        admin.MapPut("/agents/{username}/code", SetCodeAsync).ProducesProblem(StatusCodes.Status404NotFound);
        return admin;
    }

    private static async Task<Ok<List<AdminAgentView>>> ListAsync(RedisAgentAccounts accounts, HttpContext http)
    {
        var all = await accounts.ListAsync(http.RequestAborted).ConfigureAwait(false);
        return TypedResults.Ok(all.OrderBy(a => a.Username, StringComparer.Ordinal).Select(AdminAgentView.Of).ToList());
    }

    private static async Task<Results<Created<AdminAgentView>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        CreateAgentRequest request, ClaimsPrincipal user, HttpContext http, RedisAgentAccounts accounts, AgentDirectory directory,
        AgentPasswords passwords, TimeProvider time, ILoggerFactory loggers)
    {
        var errors = NewAgentValidation.Errors(request);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var ct = http.RequestAborted;
        var account = new AgentAccount(
            request.Username!, request.DisplayName!.Trim(), [.. request.PhoneNumbers ?? []],
            request.ClientIdentity, Disabled: false, request.IsAdmin, AgentOrigin.Admin, time.GetUtcNow());

        // Checked against every host's latest view; two admins racing to give out one number is
        // not guarded (the IVR would then bind whichever agent comes first).
        await directory.RefreshAsync(ct).ConfigureAwait(false);
        if (AddressTaken(directory, account) is { } taken)
        {
            return AgentProblems.Conflict($"{taken} already belongs to another agent.");
        }

        if (!await accounts.CreateAsync(account, passwords.Hash(request.Password!), ct).ConfigureAwait(false))
        {
            return AgentProblems.Conflict($"An agent named '{account.Username}' already exists.");
        }

        await directory.RefreshAsync(ct).ConfigureAwait(false);
        AgentLog.Created(loggers.CreateLogger(typeof(AdminAgentEndpoints)), user.AgentUsername()!, account.Username);
        return TypedResults.Created($"/api/admin/agents/{account.Username}", AdminAgentView.Of(account));
    }

    private static async Task<Results<Ok<AdminAgentView>, ValidationProblem, ProblemHttpResult>> SetDisabledAsync(
        string username, DisabledRequest request, ClaimsPrincipal user, HttpContext http, RedisAgentAccounts accounts,
        AgentDirectory directory, ILoggerFactory loggers)
    {
        if (request.Disabled is not { } disabled)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["disabled"] = ["true or false is required."] });
        }

        var admin = user.AgentUsername()!;
        if (disabled && string.Equals(admin, username, StringComparison.Ordinal))
        {
            return AgentProblems.Conflict("Admins cannot disable their own account.");
        }

        var account = await accounts.SetDisabledAsync(username, disabled, http.RequestAborted).ConfigureAwait(false);
        if (account is null)
        {
            return AgentProblems.NotFound($"No agent is named '{username}'.");
        }

        await directory.RefreshAsync(http.RequestAborted).ConfigureAwait(false);
        AgentLog.DisabledChanged(loggers.CreateLogger(typeof(AdminAgentEndpoints)), admin, username, disabled);
        return TypedResults.Ok(AdminAgentView.Of(account));
    }

    private static async Task<Results<Ok<AdminAgentView>, ValidationProblem, ProblemHttpResult>> SetCodeAsync(
        string username, AgentCodeRequest request, ClaimsPrincipal user, HttpContext http, RedisAgentAccounts accounts,
        AgentDirectory directory, ILoggerFactory loggers)
    {
        if (request.Code is not null && !AgentCodes.IsAcceptable(request.Code))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["code"] = [$"{AgentCodes.MinLength} to {AgentCodes.MaxLength} digits, neither one digit repeated nor a run such as 123456; null removes the code."],
            });
        }

        var account = await accounts.SetCodeAsync(username, request.Code, http.RequestAborted).ConfigureAwait(false);
        if (account is null)
        {
            return AgentProblems.NotFound($"No agent is named '{username}'.");
        }

        await directory.RefreshAsync(http.RequestAborted).ConfigureAwait(false);
        AgentLog.CodeChanged(loggers.CreateLogger(typeof(AdminAgentEndpoints)), user.AgentUsername()!, username, account.HasCode);
        return TypedResults.Ok(AdminAgentView.Of(account));
    }

    private static string? AddressTaken(AgentDirectory directory, AgentAccount account)
    {
        var others = directory.All.Where(a => !a.Disabled && a.Username != account.Username).ToList();
        var number = account.PhoneNumbers.FirstOrDefault(n => AgentMatching.FindByAddress(others, AgentMatching.NormaliseNumber(n)) is not null);
        if (number is not null)
        {
            return $"The number {number}";
        }

        return account.ClientIdentity is { } identity && AgentMatching.FindByAddress(others, "client:" + identity) is not null
            ? $"The client identity {identity}"
            : null;
    }
}
