using System.Text.Json.Nodes;

namespace PinCovisor.Web.Tests.OpenApi;

/// <summary>
/// The checked-in REST contract: <c>client/openapi/v1.json</c> (the host's OpenAPI document) and
/// <c>client/src/generated/rest.d.ts</c> (the browser code's types, generated from it).
/// </summary>
internal static class RestContractFiles
{
    /// <summary>Set to 1 to have the document test write the served document over the checked-in one.</summary>
    public const string UpdateVariable = "PINCOVISOR_UPDATE_OPENAPI";

    public const string DocumentPath = "src/PinCovisor.Web/client/openapi/v1.json";

    public const string TypesPath = "src/PinCovisor.Web/client/src/generated/rest.d.ts";

    public const string RegenerateCommand =
        $"{UpdateVariable}=1 dotnet test tests/PinCovisor.Web.Tests --filter \"FullyQualifiedName~OpenApiDocumentTests\" " +
        "&& (cd src/PinCovisor.Web/client && npm run gen:rest)";

    public static string ClientFolder => Path.Combine(RepositoryRoot(), "src", "PinCovisor.Web", "client");

    public static string Full(string path) => Path.Combine(RepositoryRoot(), path);

    /// <summary>The first line (1-based) where two texts differ, with both versions of it; null when they are equal.</summary>
    public static string? FirstDifferentLine(string expected, string actual)
    {
        var left = expected.ReplaceLineEndings("\n").Split('\n');
        var right = actual.ReplaceLineEndings("\n").Split('\n');
        for (var i = 0; i < Math.Max(left.Length, right.Length); i++)
        {
            var a = i < left.Length ? left[i] : "(end of file)";
            var b = i < right.Length ? right[i] : "(end of file)";
            if (a != b)
            {
                return $"line {i + 1}: checked in \"{a.Trim()}\", generated \"{b.Trim()}\"";
            }
        }

        return null;
    }

    /// <summary>Where two JSON trees first differ (a JSON-pointer-like path), or null when they are equal.</summary>
    public static string? FirstDifference(JsonNode? expected, JsonNode? actual, string at = "")
    {
        switch (expected, actual)
        {
            case (JsonObject e, JsonObject a):
                foreach (var key in e.Select(p => p.Key).Union(a.Select(p => p.Key)).Order(StringComparer.Ordinal))
                {
                    var inner = !e.ContainsKey(key) ? $"{at}/{key} (only served)"
                        : !a.ContainsKey(key) ? $"{at}/{key} (only checked in)"
                        : FirstDifference(e[key], a[key], $"{at}/{key}");
                    if (inner is not null)
                    {
                        return inner;
                    }
                }

                return null;
            case (JsonArray e, JsonArray a):
                for (var i = 0; i < Math.Max(e.Count, a.Count); i++)
                {
                    var inner = i >= e.Count || i >= a.Count ? $"{at}/{i} (lengths {e.Count} and {a.Count})" : FirstDifference(e[i], a[i], $"{at}/{i}");
                    if (inner is not null)
                    {
                        return inner;
                    }
                }

                return null;
            default:
                return JsonNode.DeepEquals(expected, actual) ? null : (at.Length == 0 ? "/" : at);
        }
    }

    private static string RepositoryRoot()
    {
        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "PhoneBridge.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No PhoneBridge.sln above {AppContext.BaseDirectory}.");
    }
}
