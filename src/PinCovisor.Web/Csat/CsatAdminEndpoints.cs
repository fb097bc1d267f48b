using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using PinCovisor.Web.Media;

namespace PinCovisor.Web.Csat;

/// <summary>Every agent's survey results over <c>From</c>–<c>To</c> (UTC days, both included).</summary>
public sealed record CsatReport(string From, string To, IReadOnlyList<CsatAgentResult> Agents);

/// <summary>Answers, latest first.</summary>
public sealed record CsatResponseList(string From, string To, IReadOnlyList<CsatResponse> Responses);

/// <summary><c>GET /api/admin/csat</c> and <c>/api/admin/csat/responses</c>, on the admins-only group.</summary>
internal static class CsatAdminEndpoints
{
    /// <summary>The longest range one request reads.</summary>
    public const int MaxDays = 366;

    private const int DefaultDays = 30;

    public static RouteGroupBuilder MapAdminCsat(this RouteGroupBuilder admin)
    {
        admin.MapGet("/csat", TotalsAsync);
        admin.MapGet("/csat/responses", ResponsesAsync);
        return admin;
    }

    private static async Task<Results<Ok<CsatReport>, ProblemHttpResult>> TotalsAsync(
        string? from, string? to, CsatStore store, TimeProvider time, CancellationToken cancellationToken)
    {
        var (first, last, problem) = Range(from, to, time);
        if (problem is not null)
        {
            return Problems.BadRequest(problem);
        }

        var agents = await store.TotalsAsync(first, last, cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(new CsatReport(Text(first), Text(last), agents));
    }

    private static async Task<Results<Ok<CsatResponseList>, ProblemHttpResult>> ResponsesAsync(
        string? agent, string? from, string? to, int? limit, CsatStore store, TimeProvider time, CancellationToken cancellationToken)
    {
        var (first, last, problem) = Range(from, to, time);
        if (problem is not null)
        {
            return Problems.BadRequest(problem);
        }

        if (limit is < 1 or > CsatStore.MaxListed)
        {
            return Problems.BadRequest($"limit is 1 to {CsatStore.MaxListed}.");
        }

        var start = new DateTimeOffset(first.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var end = new DateTimeOffset(last.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var responses = await store.ListAsync(string.IsNullOrWhiteSpace(agent) ? null : agent.Trim(), start, end, limit ?? 50, cancellationToken)
            .ConfigureAwait(false);
        return TypedResults.Ok(new CsatResponseList(Text(first), Text(last), responses));
    }

    /// <summary>The days asked for; by default the last 30 up to today (UTC). Problem is a sentence when the range is unusable.</summary>
    internal static (DateOnly From, DateOnly To, string? Problem) Range(string? from, string? to, TimeProvider time)
    {
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        if (!TryDay(to, today, out var last))
        {
            return (default, default, $"to must be a date as YYYY-MM-DD, not \"{to}\".");
        }

        if (!TryDay(from, last.AddDays(1 - DefaultDays), out var first))
        {
            return (default, default, $"from must be a date as YYYY-MM-DD, not \"{from}\".");
        }

        if (first > last)
        {
            return (default, default, "from must not be after to.");
        }

        return last.DayNumber - first.DayNumber + 1 > MaxDays
            ? (default, default, $"A range covers at most {MaxDays} days.")
            : (first, last, null);
    }

    private static bool TryDay(string? text, DateOnly fallback, out DateOnly day)
    {
        if (string.IsNullOrEmpty(text))
        {
            day = fallback;
            return true;
        }

        return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day);
    }

    private static string Text(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
