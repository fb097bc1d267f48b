using CsvHelper;

namespace PinCovisor.Web.Catalog;

/// <summary>
/// Reads CSV as RFC 4180 writes it (quoted fields, doubled quotes, CRLF, LF or CR, line breaks inside
/// quotes), which is what spreadsheet exports produce, with CsvHelper. The catalog feed and the
/// orders file share these settings: always a comma, fields as written (untrimmed), and a stray
/// quote kept as text, but a quoted field left open refuses the whole file rather than swallowing
/// the rows after it.
/// </summary>
internal static class CsvTable
{
    private static readonly CsvReaderOptions Options = new()
    {
        Separator = ',',
        HasHeader = false,
        TrimWhitespace = false,
        SkipEmptyLines = true,
        OnMalformedRecord = record =>
        {
            if (record.Reason == CsvMalformedReason.UnterminatedQuote)
            {
                throw new FormatException("A quoted CSV field is not closed.");
            }
        },
    };

    /// <summary>The rows, header included; blank lines (and lines of one empty quoted field) are skipped.</summary>
    /// <exception cref="FormatException">A quoted field never closes.</exception>
    public static List<string[]> Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        using var reader = CsvReader.FromText(text, Options);
        var rows = new List<string[]>();
        while (reader.Read())
        {
            if (reader.FieldCount > 1 || !reader.IsEmpty(0))
            {
                rows.Add(reader.Current.ToArray());
            }
        }

        return rows;
    }
}
