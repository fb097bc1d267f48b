namespace PhoneBridge.Tests.Twilio;

/// <summary>Builds the JSON objects crosscheck.js takes (see its "ops").</summary>
public static class NodeCase
{
    /// <summary>Form fields as the helper receives them from body-parser: a repeated name becomes an array.</summary>
    public static Dictionary<string, object> Params(IEnumerable<KeyValuePair<string, string>> parameters)
    {
        Dictionary<string, object> grouped = new(StringComparer.Ordinal);
        foreach ((string name, string value) in parameters)
        {
            grouped[name] = grouped.TryGetValue(name, out object? existing)
                ? existing is List<string> list ? [.. list, value] : new List<string> { (string)existing, value }
                : value;
        }

        return grouped;
    }

    /// <summary>Node signs <paramref name="signUrl"/> (with <paramref name="signParameters"/> when given) and validates <paramref name="url"/>.</summary>
    public static object SignAndValidate(
        string token, string signUrl, string url,
        IEnumerable<KeyValuePair<string, string>> parameters, IEnumerable<KeyValuePair<string, string>>? signParameters = null) =>
        new
        {
            op = "signAndValidate",
            token,
            signUrl,
            url,
            @params = Params(parameters),
            signParams = signParameters is null ? null : Params(signParameters),
        };

    /// <summary>Node signs <paramref name="signUrl"/> with no parameters and runs validateRequestWithBody on <paramref name="url"/>.</summary>
    public static object SignAndValidateBody(string token, string signUrl, string url, string body) =>
        new { op = "signAndValidate", token, signUrl, url, body };
}
