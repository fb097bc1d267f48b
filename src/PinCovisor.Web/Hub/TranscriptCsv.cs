using System.Globalization;
using CsvHelper;

namespace PinCovisor.Web.Hub;

/// <summary>
/// Writes transcript lines as RFC 4180 CSV with CsvHelper (CRLF, invariant culture). Whatever people
/// typed can start with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, tab or carriage return, which a
/// spreadsheet would run as a formula: such cells get a leading apostrophe, as OWASP's CSV-injection
/// advice says.
/// </summary>
internal static class TranscriptCsv
{
    public static string Write(IEnumerable<TranscriptLine> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = CsvWriter.Create(text, CsvWriterOptions.Default, leaveOpen: true))
        {
            csv.WriteRecord(["seq", "time", "role", "name", "kind", "text"]);
            foreach (var line in lines)
            {
                csv.WriteField(line.Seq, "");
                csv.WriteField(line.At.UtcDateTime, "yyyy-MM-dd'T'HH:mm:ss.fff'Z'");
                csv.WriteRecord([Disarmed(line.Role), Disarmed(line.Name), Disarmed(line.Kind), Disarmed(line.Text)]);
            }
        }

        return text.ToString();
    }

    /// <summary>The cell with a leading apostrophe when it starts like a formula; empty for null.</summary>
    /// <remarks>
    /// CsvHelper's own <see cref="CsvInjection.Escape"/> also puts such a cell in quotes; done here, a
    /// cell is quoted only when RFC 4180 needs it, so the files stay as they have always been written.
    /// </remarks>
    internal static string Disarmed(string? value) =>
        value is ['=' or '+' or '-' or '@' or '\t' or '\r', ..] ? "'" + value : value ?? "";
}
