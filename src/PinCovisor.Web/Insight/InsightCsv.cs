using System.Globalization;
using System.Text;
using PinCovisor.Web.Hub;

namespace PinCovisor.Web.Insight;

/// <summary>
/// The report as RFC 4180 CSV (docs/insight.md, "CSV"): one <c>day</c> row per day and channel, then
/// one <c>agent</c> row per agent and channel for the whole range. Cells that could run as a
/// spreadsheet formula are neutralised as the transcript's are.
/// </summary>
internal static class InsightCsv
{
    public const string Header =
        "kind,date,channel,agent,pins_issued,page_opened,pin_typed,admitted,first_message,visual_calls,visual_share," +
        "time_to_join_count,time_to_join_p50_s,time_to_join_p90_s,first_response_count,first_response_p50_s,first_response_p90_s," +
        "sessions,csat_count,csat_sum,csat_average,csat_1,csat_2,csat_3,csat_4,csat_5";

    private const string NoCounts = ",,,,,,,,,,,,";
    private const string NoAgentCells = ",,,,,,,,";

    public static string Write(InsightReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var csv = new StringBuilder(Header).Append("\r\n");
        foreach (var row in report.Rows)
        {
            var c = row.Counts;
            csv.Append("day,").Append(row.Date).Append(',').Append(TranscriptCsv.Cell(row.Channel)).Append(",,")
                .AppendJoin(',', Number(c.PinsIssued), Number(c.PageOpened), Number(c.PinTyped), Number(c.Admitted),
                    Number(c.FirstMessage), Number(c.VisualCalls), Number(c.VisualShare),
                    Number(c.TimeToJoin.Count), Number(c.TimeToJoin.P50Seconds), Number(c.TimeToJoin.P90Seconds),
                    Number(c.FirstResponse.Count), Number(c.FirstResponse.P50Seconds), Number(c.FirstResponse.P90Seconds))
                .Append(',').Append(NoAgentCells).Append("\r\n");
        }

        foreach (var agent in report.Agents)
        {
            csv.Append("agent,,").Append(TranscriptCsv.Cell(agent.Channel)).Append(',').Append(TranscriptCsv.Cell(agent.Agent)).Append(',')
                .Append(NoCounts).Append(',')
                .AppendJoin(',', [Number(agent.Sessions), Number(agent.CsatCount), Number(agent.CsatSum), Number(agent.CsatAverage),
                    .. agent.CsatScores.Select(n => Number(n))])
                .Append("\r\n");
        }

        return csv.ToString();
    }

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Number(double? value) => value?.ToString("0.####", CultureInfo.InvariantCulture) ?? "";
}
