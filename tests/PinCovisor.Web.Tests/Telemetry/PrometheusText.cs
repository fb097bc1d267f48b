using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;

namespace PinCovisor.Web.Tests.Telemetry;

/// <summary>A scrape in the Prometheus text exposition format, read line by line: <c># TYPE</c> lines and samples.</summary>
internal sealed partial class PrometheusText
{
    private readonly Dictionary<string, string> _types = new(StringComparer.Ordinal);
    private readonly List<(string Name, Dictionary<string, string> Labels, double Value)> _samples = [];

    private PrometheusText()
    {
    }

    /// <summary>Scrapes <c>/metrics</c> with <paramref name="token"/> as the bearer, asserting a 200.</summary>
    public static async Task<PrometheusText> ScrapeAsync(HttpClient http, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await http.SendAsync(request).WaitAsync(TimeSpan.FromSeconds(30));
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        return Parse(await response.Content.ReadAsStringAsync().WaitAsync(TimeSpan.FromSeconds(30)));
    }

    public static PrometheusText Parse(string text)
    {
        var parsed = new PrometheusText();
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (line.StartsWith("# TYPE ", StringComparison.Ordinal))
            {
                var parts = line.Split(' ');
                parsed._types[parts[2]] = parts[3];
            }
            else if (!line.StartsWith('#') && Sample().Match(line) is { Success: true } sample)
            {
                var labels = Label().Matches(sample.Groups["labels"].Value)
                    .ToDictionary(m => m.Groups["key"].Value, m => m.Groups["value"].Value, StringComparer.Ordinal);
                parsed._samples.Add((sample.Groups["name"].Value, labels,
                    double.Parse(sample.Groups["value"].Value, NumberStyles.Float, CultureInfo.InvariantCulture)));
            }
            else if (!line.StartsWith('#'))
            {
                throw new FormatException($"Not a sample line: {line}");
            }
        }

        return parsed;
    }

    /// <summary>The type a <c># TYPE</c> line gives the family, or null.</summary>
    public string? TypeOf(string family) => _types.GetValueOrDefault(family);

    /// <summary>The one sample of <paramref name="name"/> carrying all <paramref name="labels"/> (others allowed); 0 when none does.</summary>
    public double Value(string name, params (string Key, string Value)[] labels)
    {
        var matching = _samples.Where(s => s.Name == name && labels.All(l => s.Labels.GetValueOrDefault(l.Key) == l.Value)).ToList();
        return matching.Count switch
        {
            0 => 0,
            1 => matching[0].Value,
            _ => throw new InvalidOperationException($"{matching.Count} samples of {name} match; name more labels."),
        };
    }

    public IEnumerable<string> Names => _samples.Select(s => s.Name).Distinct(StringComparer.Ordinal);

    [GeneratedRegex("""^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(\{(?<labels>.*)\})?\s+(?<value>\S+)(\s+\d+)?$""")]
    private static partial Regex Sample();

    [GeneratedRegex("""(?<key>[a-zA-Z_][a-zA-Z0-9_]*)="(?<value>(?:[^"\\]|\\.)*)",?""")]
    private static partial Regex Label();
}
