using System.Globalization;
using CsvHelper;
using PinCovisor.Web.Hub;

namespace PinCovisor.Web.Insight;

/// <summary>
/// The report as RFC 4180 CSV (docs/insight.md, "CSV"), written with CsvHelper: one <c>day</c> row per
/// day and channel, then one <c>agent</c> row per agent and channel for the whole range. Cells that
/// could run as a spreadsheet formula are neutralised as the transcript's are.
/// </summary>
internal static class InsightCsv
{
    public const string Header =
        "kind,date,channel,agent,pins_issued,page_opened,pin_typed,admitted,first_message,visual_calls,visual_share," +
        "time_to_join_count,time_to_join_p50_s,time_to_join_p90_s,first_response_count,first_response_p50_s,first_response_p90_s," +
        "sessions,csat_count,csat_sum,csat_average,csat_1,csat_2,csat_3,csat_4,csat_5";

    // The agent rows leave the 13 day counts empty, the day rows the 9 agent cells.
    private static readonly string[] NoCounts = [.. Enumerable.Repeat("", 13)];
    private static readonly string[] NoAgentCells = [.. Enumerable.Repeat("", 9)];

    public static string Write(InsightReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = CsvWriter.Create(text, CsvWriterOptions.Default, leaveOpen: true))
        {
            csv.WriteRecord(Header.Split(','));
            foreach (var row in report.Rows)
            {
                var c = row.Counts;
                csv.WriteRecord(["day", row.Date, TranscriptCsv.Disarmed(row.Channel), "",
                    Number(c.PinsIssued), Number(c.PageOpened), Number(c.PinTyped), Number(c.Admitted), Number(c.FirstMessage),
                    Number(c.VisualCalls), Number(c.VisualShare),
                    Number(c.TimeToJoin.Count), Number(c.TimeToJoin.P50Seconds), Number(c.TimeToJoin.P90Seconds),
                    Number(c.FirstResponse.Count), Number(c.FirstResponse.P50Seconds), Number(c.FirstResponse.P90Seconds),
                    .. NoAgentCells]);
            }

            foreach (var agent in report.Agents)
            {
                csv.WriteRecord(["agent", "", TranscriptCsv.Disarmed(agent.Channel), TranscriptCsv.Disarmed(agent.Agent), .. NoCounts,
                    Number(agent.Sessions), Number(agent.CsatCount), Number(agent.CsatSum), Number(agent.CsatAverage),
                    .. agent.CsatScores.Select(Number)]);
            }
        }

        return text.ToString();
    }

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Number(double? value) => value?.ToString("0.####", CultureInfo.InvariantCulture) ?? "";
}
