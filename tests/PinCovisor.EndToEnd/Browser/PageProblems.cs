using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace PinCovisor.EndToEnd.Browser;

/// <summary>
/// What went wrong on the pages of one browser context: console errors (Chromium reports CSP
/// violations there too), uncaught exceptions, responses of 500 and above, and requests that failed.
/// A test asserts there are none once it is done.
/// </summary>
public sealed partial class PageProblems
{
    private readonly ConcurrentQueue<string> _problems = new();
    private readonly string _role;

    public PageProblems(string role, IBrowserContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        _role = role;
        context.Page += (_, page) => Watch(page);
    }

    public IReadOnlyCollection<string> All => _problems;

    /// <summary>Fails the test listing every problem seen on the pages of <paramref name="roles"/>.</summary>
    public static void AssertNone(params Role[] roles)
    {
        var problems = roles.SelectMany(role => role.Problems.All).ToList();
        if (problems.Count > 0)
        {
            throw new Xunit.Sdk.XunitException(
                "Pages must run without console errors (CSP violations included), uncaught exceptions or failed requests; seen:\n"
                + string.Join('\n', problems));
        }
    }

    private void Watch(IPage page)
    {
        page.Console += (_, message) =>
        {
            if (message.Type == "error" && !Expected(message))
            {
                Add($"console error at {message.Location}: {message.Text}");
            }
        };
        page.PageError += (_, error) => Add($"uncaught exception on {page.Url}: {error}");
        page.Response += (_, response) =>
        {
            if (response.Status >= 500)
            {
                Add($"{response.Status} {response.Request.Method} {response.Url}");
            }
        };
        page.RequestFailed += (_, request) =>
        {
            // The browser cancels requests itself when a page navigates or closes, or when a <video>
            // moves on to another byte range: nothing failed that a user would see.
            if (request.Failure != "net::ERR_ABORTED")
            {
                Add($"request failed ({request.Failure}): {request.Method} {request.Url}");
            }
        };
    }

    // A page without its own icon makes Chromium ask for /favicon.ico; the 404 is harmless. Before the
    // agent logs in, the console asks GET /api/agents/me to learn whether a session exists: 401 is the answer "no".
    // An order lookup's 404 is the shop's answer "no such order", shown on the order card.
    private static bool Expected(IConsoleMessage message)
    {
        if (!message.Text.StartsWith("Failed to load resource", StringComparison.Ordinal))
        {
            return false;
        }

        // Location reads "URL:line:column".
        var url = LineAndColumn().Replace(message.Location, "");
        var path = Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri.AbsolutePath : url;
        return (path == "/favicon.ico" && message.Text.Contains("404", StringComparison.Ordinal))
            || (path == "/api/agents/me" && message.Text.Contains("401", StringComparison.Ordinal))
            || (path.StartsWith("/api/orders/", StringComparison.Ordinal) && message.Text.Contains("404", StringComparison.Ordinal));
    }

    [GeneratedRegex(@":\d+:\d+$")]
    private static partial Regex LineAndColumn();

    private void Add(string problem) => _problems.Enqueue($"[{_role}] {problem}");
}
