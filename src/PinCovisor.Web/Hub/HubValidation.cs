using System.Globalization;

namespace PinCovisor.Web.Hub;

/// <summary>Checks of what clients send; each failure is a <see cref="Microsoft.AspNetCore.SignalR.HubException"/> saying what is wrong.</summary>
internal static class HubValidation
{
    public const int MaxStrokePoints = 1024;

    /// <summary>A client-chosen id (message, stroke): 1-64 letters, digits, '-', '_' or '.'.</summary>
    public static string Id(string? value, string what) =>
        value is { Length: > 0 and <= 64 } && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.')
            ? value
            : throw HubErrors.Invalid($"The {what} must be 1 to 64 letters, digits, '-', '_' or '.'.");

    /// <summary>A finite number within [min, max].</summary>
    public static double Range(double value, double min, double max, string what) =>
        double.IsFinite(value) && value >= min && value <= max
            ? value
            : throw HubErrors.Invalid(string.Create(CultureInfo.InvariantCulture, $"The {what} must be between {min} and {max}."));

    /// <summary><c>#rrggbb</c> or <c>#rrggbbaa</c>, lower-cased.</summary>
    public static string Color(string? value) =>
        value is { Length: 7 or 9 } && value[0] == '#' && value.Skip(1).All(char.IsAsciiHexDigit)
            ? value.ToLowerInvariant()
            : throw HubErrors.Invalid("The colour must be #rrggbb or #rrggbbaa.");

    /// <summary>Pairs of coordinates, each 0 to 1, at most <see cref="MaxStrokePoints"/> points.</summary>
    public static IReadOnlyList<double> Points(IReadOnlyList<double>? points)
    {
        if (points is null || points.Count < 2 || points.Count % 2 != 0 || points.Count > MaxStrokePoints * 2)
        {
            throw HubErrors.Invalid($"A stroke batch is 1 to {MaxStrokePoints} points given as x, y pairs.");
        }

        foreach (var coordinate in points)
        {
            Range(coordinate, 0, 1, "stroke coordinates");
        }

        return points;
    }

    /// <summary>Chat text, cleaned by <see cref="PlainText"/>, within the length limit.</summary>
    public static string Text(string? text, int maxLength)
    {
        var cleaned = PlainText.Clean(text) ?? throw HubErrors.Invalid("The message is empty.");
        return PlainText.Length(cleaned) <= maxLength
            ? cleaned
            : throw HubErrors.Invalid($"Messages are at most {maxLength} characters.");
    }
}
