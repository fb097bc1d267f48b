using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using StackExchange.Redis;

namespace PinCovisor.Web.Health;

/// <summary><c>/healthz</c> (the process answers) and <c>/readyz</c> (Redis answers too, on both of the host's links to it).</summary>
internal static class HealthExtensions
{
    /// <summary>The readiness problem's detail when Redis does not answer.</summary>
    internal const string Unreachable = "Redis is not reachable.";

    private const string LinkTag = "link";
    private const string PingTag = "ping";
    private static readonly TimeSpan RedisBudget = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Registers the readiness checks: the links (<see cref="RedisLinkCheck"/>), then a PING of every
    /// Redis endpoint and a command in the host's database (<see cref="RedisDatabaseCheck"/>).
    /// </summary>
    internal static IHostApplicationBuilder AddHealth(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddHealthChecks()
            .AddCheck<RedisLinkCheck>("redis-links", tags: [LinkTag])
            .AddRedis(services => services.GetRequiredService<IConnectionMultiplexer>(), "redis", tags: [PingTag], timeout: RedisBudget)
            .AddCheck<RedisDatabaseCheck>("redis-database", tags: [PingTag], timeout: RedisBudget);
        return builder;
    }

    /// <summary>Maps <c>/healthz</c> (no dependency: <c>{"status":"alive"}</c>) and <c>/readyz</c>.</summary>
    internal static WebApplication MapHealth(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapHealthChecks("/healthz", new HealthCheckOptions
        {
            Predicate = _ => false,
            ResponseWriter = (context, _) => context.Response.WriteAsJsonAsync(new ProbeAnswer("alive")),
        }).ExcludeFromDescription();
        app.MapGet("/readyz", ReadyAsync).ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> ReadyAsync(HealthCheckService health, CancellationToken cancellationToken)
    {
        // The links first, and alone: with no connection a PING waits in the client's backlog for the
        // whole budget, and a probe that takes 2 s to say "no" holds up whoever polls it.
        var links = await health.CheckHealthAsync(r => r.Tags.Contains(LinkTag), cancellationToken);
        if (links.Status != HealthStatus.Healthy)
        {
            return NotReady(links);
        }

        try
        {
            var ping = await health.CheckHealthAsync(r => r.Tags.Contains(PingTag), cancellationToken).WaitAsync(RedisBudget, cancellationToken);
            return ping.Status == HealthStatus.Healthy ? TypedResults.Ok(new ProbeAnswer("ready")) : NotReady(ping);
        }
        catch (TimeoutException)
        {
            return NotReady(null);
        }
    }

    private static ProblemHttpResult NotReady(HealthReport? report) => TypedResults.Problem(
        title: "Not ready",
        detail: report?.Entries.Values.Select(e => e.Description).FirstOrDefault(d => d is not null) ?? Unreachable,
        statusCode: StatusCodes.Status503ServiceUnavailable);

    private sealed record ProbeAnswer(string Status);
}
