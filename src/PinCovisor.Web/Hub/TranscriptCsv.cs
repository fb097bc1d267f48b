using System.Globalization;
using System.Text;

namespace PinCovisor.Web.Hub;

/// <summary>
/// Writes transcript lines as RFC 4180 CSV. Whatever people typed can start with <c>=</c>, <c>+</c>,
/// <c>-</c> or <c>@</c>, which a spreadsheet would run as a formula: such cells get a leading
/// apostrophe, as OWASP's CSV-injection advice says.
/// </summary>
internal static class TranscriptCsv
{
    private const string Header = "seq,time,role,name,kind,text";

    public static string Write(IEnumerable<TranscriptLine> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var csv = new StringBuilder(Header).Append("\r\n");
        foreach (var line in lines)
        {
            csv.Append(line.Seq.ToString(CultureInfo.InvariantCulture)).Append(',')
                .Append(line.At.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture)).Append(',')
                .Append(Cell(line.Role)).Append(',')
                .Append(Cell(line.Name)).Append(',')
                .Append(Cell(line.Kind)).Append(',')
                .Append(Cell(line.Text)).Append("\r\n");
        }

        return csv.ToString();
    }

    internal static string Cell(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "";
        }

        // Tab and carriage return also start formulas in some spreadsheets.
        if (value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }

        return value.AsSpan().IndexOfAny(",\"\r\n") >= 0
            ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
            : value;
    }
}
