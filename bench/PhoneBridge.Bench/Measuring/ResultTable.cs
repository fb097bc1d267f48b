using System.Globalization;
using System.Text;

namespace PhoneBridge.Bench.Measuring;

/// <summary>The Markdown table printed at the end of a run.</summary>
public static class ResultTable
{
    public static string Render(IEnumerable<ResultRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var text = new StringBuilder();
        text.AppendLine("| scenario | measure | n | per s | p50 ms | p95 ms | p99 ms | max ms | same-run baseline | ratio | target |");
        text.AppendLine("|---|---|---:|---:|---:|---:|---:|---:|---|---|---|");
        foreach (var row in rows)
        {
            var l = row.Latency;
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {row.Scenario} | {row.Measure} | {Count(l)} | {Number(row.PerSecond, "0")} | {Number(l?.P50)} | {Number(l?.P95)} | {Number(l?.P99)} | {Number(l?.Max)} | {row.Baseline} | {row.Ratio} | {row.Target} |");
        }

        return text.ToString();
    }

    public static string Number(double? value, string format = "0.00") =>
        value is null || double.IsNaN(value.Value) ? "–" : value.Value.ToString(format, CultureInfo.InvariantCulture);

    private static string Count(LatencySummary? latency) =>
        latency is null ? "–" : latency.Count.ToString(CultureInfo.InvariantCulture);
}
