using System.Text;

namespace PinCovisor.Web.Catalog;

/// <summary>
/// Reads CSV as RFC 4180 writes it (quoted fields, doubled quotes, CRLF or LF, line breaks inside
/// quotes), which is what spreadsheet exports produce.
/// </summary>
internal static class CsvTable
{
    /// <summary>The rows, header included; blank lines are skipped.</summary>
    /// <exception cref="FormatException">A quoted field never closes.</exception>
    public static List<string[]> Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var rows = new List<string[]>();
        var row = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c != '"')
                {
                    field.Append(c);
                }
                else if (i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else
                {
                    quoted = false;
                }

                continue;
            }

            switch (c)
            {
                case '"' when field.Length == 0:
                    quoted = true;
                    break;
                case ',':
                    row.Add(field.ToString());
                    field.Clear();
                    break;
                case '\r':
                    break;
                case '\n':
                    EndRow(rows, row, field);
                    break;
                default:
                    field.Append(c);
                    break;
            }
        }

        if (quoted)
        {
            throw new FormatException("A quoted CSV field is not closed.");
        }

        EndRow(rows, row, field);
        return rows;
    }

    private static void EndRow(List<string[]> rows, List<string> row, StringBuilder field)
    {
        row.Add(field.ToString());
        field.Clear();
        if (row.Count > 1 || row[0].Length > 0)
        {
            rows.Add([.. row]);
        }

        row.Clear();
    }
}
