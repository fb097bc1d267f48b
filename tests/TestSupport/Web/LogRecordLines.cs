using System.Globalization;
using System.Text;
using Microsoft.Extensions.Logging.Testing;

namespace PhoneBridge.Testing.Web;

/// <summary>The records a <see cref="FakeLogCollector"/> holds, as text to search for what (never) appears in logs.</summary>
public static class LogRecordLines
{
    extension(FakeLogCollector logs)
    {
        /// <summary>
        /// One line per record, oldest first: <c>{Level} {Category}: {Message}</c>, then each structured
        /// property and scope as <c> key=value</c>, then the exception.
        /// </summary>
        public IReadOnlyList<string> Lines => [.. logs.GetSnapshot().Select(Line)];
    }

    private static string Line(FakeLogRecord record)
    {
        var line = new StringBuilder($"{record.Level} {record.Category}: {record.Message}");
        foreach (var (key, value) in record.StructuredState ?? [])
        {
            line.Append(CultureInfo.InvariantCulture, $" {key}={value}");
        }

        foreach (var scope in record.Scopes)
        {
            if (scope is IEnumerable<KeyValuePair<string, object>> pairs)
            {
                foreach (var (key, value) in pairs)
                {
                    line.Append(CultureInfo.InvariantCulture, $" {key}={value}");
                }
            }
            else
            {
                line.Append(" scope=").Append(scope);
            }
        }

        if (record.Exception is not null)
        {
            line.Append(' ').Append(record.Exception);
        }

        return line.ToString();
    }
}
