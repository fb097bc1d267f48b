using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace PinCovisor.Web.Insight;

/// <summary><c>GET /api/admin/insight</c> (JSON) and <c>GET /api/admin/insight.csv</c>, on the admins' group.</summary>
internal static class InsightEndpoints
{
    /// <summary>Days the range covers when the request names none: the last 14, today included.</summary>
    public const int DefaultDays = 14;

    public static RouteGroupBuilder MapInsightEndpoints(this RouteGroupBuilder admin)
    {
        admin.MapGet("/insight", JsonAsync).WithName("GetInsight");
        admin.MapGet("/insight.csv", CsvAsync);
        return admin;
    }

    private static async Task<Results<Ok<InsightReport>, ValidationProblem>> JsonAsync(
        string? from, string? to, string? channel, InsightReader reader, IOptions<InsightOptions> options, TimeProvider time, HttpContext context)
    {
        var (first, last, errors) = Range(from, to, channel, options.Value, time);
        if (errors is not null)
        {
            return TypedResults.ValidationProblem(errors);
        }

        context.Response.Headers.CacheControl = "no-store";
        return TypedResults.Ok(await reader.ReadAsync(first, last, channel, context.RequestAborted).ConfigureAwait(false));
    }

    private static async Task<Results<FileContentHttpResult, ValidationProblem>> CsvAsync(
        string? from, string? to, string? channel, InsightReader reader, IOptions<InsightOptions> options, TimeProvider time, HttpContext context)
    {
        var (first, last, errors) = Range(from, to, channel, options.Value, time);
        if (errors is not null)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var report = await reader.ReadAsync(first, last, channel, context.RequestAborted).ConfigureAwait(false);
        context.Response.Headers.CacheControl = "no-store";
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(InsightCsv.Write(report))).ToArray();
        return TypedResults.File(bytes, "text/csv; charset=utf-8", $"insight-{report.From}-{report.To}{(channel is null ? "" : "-" + channel)}.csv");
    }

    /// <summary>The days asked for, or why they cannot be answered.</summary>
    private static (DateOnly From, DateOnly To, Dictionary<string, string[]>? Errors) Range(
        string? from, string? to, string? channel, InsightOptions options, TimeProvider time)
    {
        var errors = new Dictionary<string, string[]>();
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var last = Day(to, "to", today, errors);
        var first = Day(from, "from", last.AddDays(1 - DefaultDays), errors);
        if (errors.Count == 0 && first > last)
        {
            errors["from"] = ["from must not be after to."];
        }
        else if (errors.Count == 0 && last.DayNumber - first.DayNumber + 1 > options.MaxRangeDays)
        {
            errors["to"] = [$"A range covers at most {options.MaxRangeDays} days (Insight:MaxRangeDays)."];
        }

        if (channel is not null && !InsightChannels.IsKnown(channel))
        {
            errors["channel"] = [$"channel is one of {string.Join(", ", InsightChannels.All)}, or left out for all."];
        }

        return (first, last, errors.Count == 0 ? null : errors);
    }

    private static DateOnly Day(string? value, string name, DateOnly fallback, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrEmpty(value))
        {
            return fallback;
        }

        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return day;
        }

        errors[name] = [$"{name} is a UTC day written yyyy-MM-dd."];
        return fallback;
    }
}
