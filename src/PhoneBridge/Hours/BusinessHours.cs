using System.Globalization;
using Microsoft.Extensions.Options;

namespace PhoneBridge.Hours;

/// <summary>Answers "is the shop open now?" in the shop's own time zone.</summary>
public sealed class BusinessHours
{
    private readonly TimeProvider _time;
    private readonly TimeZoneInfo _zone;
    private readonly Dictionary<DayOfWeek, (TimeOnly Start, TimeOnly End)[]> _weekly;
    private readonly HashSet<DateOnly> _closed;

    /// <summary>Reads the schedule once; <see cref="Validate"/> has already rejected a malformed one at start-up.</summary>
    public BusinessHours(IOptions<BusinessHoursOptions> options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        var value = options.Value;
        _time = time;
        _zone = TimeZoneInfo.FindSystemTimeZoneById(value.TimeZone);
        _weekly = value.Weekly.ToDictionary(d => d.Key, d => ParseRanges(d.Value));
        _closed = value.ClosedDates.Select(d => DateOnly.ParseExact(d, "yyyy-MM-dd", CultureInfo.InvariantCulture)).ToHashSet();
    }

    /// <summary>True when a caller calling now should be served.</summary>
    public bool IsOpen()
    {
        var local = LocalNow();
        if (_closed.Contains(DateOnly.FromDateTime(local.DateTime)))
        {
            return false;
        }

        if (_weekly.Count == 0)
        {
            return true;
        }

        var now = TimeOnly.FromDateTime(local.DateTime);
        return _weekly.TryGetValue(local.DayOfWeek, out var ranges)
            && ranges.Any(r => now >= r.Start && now < r.End);
    }

    /// <summary>True when the options name opening hours or closed dates; false when the shop is simply always open.</summary>
    public bool IsConfigured => _weekly.Count > 0 || _closed.Count > 0;

    /// <summary>The date now in the shop's time zone.</summary>
    public DateOnly Today() => DateOnly.FromDateTime(LocalNow().DateTime);

    /// <summary>
    /// When the shop opens next, in its own time zone: now when it is open, else the start of the
    /// next range (or of the next day not closed, when no week is configured). Null when nothing
    /// opens within a year.
    /// </summary>
    public DateTimeOffset? NextOpening()
    {
        var now = LocalNow();
        var today = DateOnly.FromDateTime(now.DateTime);
        var time = TimeOnly.FromDateTime(now.DateTime);
        for (var days = 0; days <= 366; days++)
        {
            var date = today.AddDays(days);
            if (_closed.Contains(date))
            {
                continue;
            }

            var starts = _weekly.Count == 0
                ? [(TimeOnly.MinValue, TimeOnly.MaxValue)]
                : _weekly.GetValueOrDefault(date.DayOfWeek) ?? [];
            foreach (var (start, end) in starts.OrderBy(r => r.Start))
            {
                if (days > 0 || start > time)
                {
                    var local = date.ToDateTime(start);
                    return new DateTimeOffset(local, _zone.GetUtcOffset(local));
                }

                if (time < end)
                {
                    return now;
                }
            }
        }

        return null;
    }

    /// <summary>Null when the options are usable, else a message naming the offending key.</summary>
    public static string? Validate(BusinessHoursOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(options.TimeZone, out _))
        {
            return $"BusinessHours:TimeZone '{options.TimeZone}' is not a known time zone (use an IANA name such as Europe/Madrid).";
        }

        foreach (var (day, ranges) in options.Weekly)
        {
            try
            {
                _ = ParseRanges(ranges);
            }
            catch (FormatException e)
            {
                return $"BusinessHours:Weekly:{day} is not a list of HH:mm-HH:mm ranges: {e.Message}";
            }
        }

        foreach (var date in options.ClosedDates)
        {
            if (!DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
            {
                return $"BusinessHours:ClosedDates contains '{date}', which is not a yyyy-MM-dd date.";
            }
        }

        return null;
    }

    private DateTimeOffset LocalNow() => TimeZoneInfo.ConvertTime(_time.GetUtcNow(), _zone);

    private static (TimeOnly Start, TimeOnly End)[] ParseRanges(string ranges) =>
        ranges.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(ParseRange)
            .ToArray();

    private static (TimeOnly Start, TimeOnly End) ParseRange(string range)
    {
        var parts = range.Split('-', StringSplitOptions.TrimEntries);
        if (parts.Length != 2)
        {
            throw new FormatException($"'{range}' is not HH:mm-HH:mm.");
        }

        var start = TimeOnly.ParseExact(parts[0], "HH:mm", CultureInfo.InvariantCulture);
        // "24:00" closes a range at midnight; TimeOnly cannot hold it, so it becomes the last tick.
        var end = parts[1] == "24:00" ? TimeOnly.MaxValue : TimeOnly.ParseExact(parts[1], "HH:mm", CultureInfo.InvariantCulture);
        return end > start ? (start, end) : throw new FormatException($"'{range}' ends before it starts.");
    }
}
