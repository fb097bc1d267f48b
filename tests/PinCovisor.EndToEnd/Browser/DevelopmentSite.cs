using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Playwright;
using PhoneBridge.Testing.Web;

namespace PinCovisor.EndToEnd.Browser;

/// <summary>
/// The product as a newcomer runs it (Development: the seeded agent ana, the demo shop and phone
/// simulator, the embedded Redis-compatible server) on a real loopback socket, and one headless
/// Chromium (Debian's) driven by Playwright. Shared by every browser test; each test opens its own
/// browser contexts.
/// </summary>
public sealed class DevelopmentSite : IAsyncLifetime
{
    /// <summary>The canned reply the scenario sends; added on top of whatever Development configures.</summary>
    public const string CannedShortcut = "/gracias-espera";

    public const string CannedText = "Gracias por esperar. Ya le enseño lo que buscaba.";

    private const string Chromium = "/usr/bin/chromium";

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public PinCovisorHost Host { get; } = new(
        new Dictionary<string, string?>
        {
            // The session closes this long after its call ends; short, so the ending is quick to watch.
            ["Sessions:CallEndGrace"] = "00:00:03",
            // A high index keeps the replies Development may configure and adds one more.
            ["CannedReplies:90:Shortcut"] = CannedShortcut,
            ["CannedReplies:90:Text"] = CannedText,
        },
        environment: Environments.Development);

    public Uri BaseAddress { get; private set; } = null!;

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("The browser has not started.");

    public IConfiguration Configuration => Host.Services.GetRequiredService<IConfiguration>();

    public async Task InitializeAsync()
    {
        if (!File.Exists(Chromium))
        {
            throw new InvalidOperationException($"{Chromium} is missing; ./test.sh installs Debian's chromium package.");
        }

        BaseAddress = await Task.Run(() => Host.BaseAddress).WaitAsync(Limits.Start);
        _playwright = await Playwright.CreateAsync().WaitAsync(Limits.Start);
        _browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run",
            ],
            Timeout = Limits.Ms(Limits.Start),
        }).WaitAsync(Limits.Start);
    }

    /// <summary>
    /// A host of a test's own, run as a newcomer runs the product (Development) with
    /// <paramref name="settings"/> on top, listening once this returns: for settings the shared site
    /// lacks, or for a test that must start from an empty store. Open browser contexts on it with
    /// <see cref="OpenAsync"/> and its <see cref="PinCovisorHost.BaseAddress"/>.
    /// </summary>
    public static async Task<PinCovisorHost> StartOwnHostAsync(IDictionary<string, string?>? settings = null)
    {
        var host = new PinCovisorHost(new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>()), environment: Environments.Development);
        await Task.Run(() => host.BaseAddress).WaitAsync(Limits.Start);
        return host;
    }

    /// <summary>
    /// A fresh browser context for one person in a test, with its own cookies and storage, on this
    /// site or on <paramref name="host"/> (a test's own host, for settings the shared one lacks).
    /// </summary>
    public async Task<Role> OpenAsync(string name, Device device, string locale, Uri? host = null)
    {
        var options = new BrowserNewContextOptions
        {
            BaseURL = (host ?? BaseAddress).ToString(),
            Locale = locale,
            ViewportSize = device == Device.Phone ? new() { Width = 375, Height = 812 } : new() { Width = 1280, Height = 800 },
            IsMobile = device == Device.Phone,
            HasTouch = device == Device.Phone,
            // The agent console notifies about new customers and messages.
            Permissions = name.StartsWith("agent", StringComparison.Ordinal) ? ["notifications"] : [],
        };
        var context = await Browser.NewContextAsync(options).WaitAsync(Limits.Await);
        context.SetDefaultTimeout(Limits.Ms(Limits.Action));
        context.SetDefaultNavigationTimeout(Limits.Ms(Limits.Action));
        var problems = new PageProblems(name, context);
        var page = await context.NewPageAsync().WaitAsync(Limits.Await);
        return new Role(name, device, context, page, problems);
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync().WaitAsync(Limits.Await);
        }

        _playwright?.Dispose();
        await Host.DisposeAsync().AsTask().WaitAsync(Limits.Start);
    }
}

public enum Device
{
    Desktop,
    Phone,
}

/// <summary>One person in a test: their browser context and its first page.</summary>
public sealed record Role(string Name, Device Device, IBrowserContext Context, IPage Page, PageProblems Problems) : IAsyncDisposable
{
    public ILocator ById(string testId) => Page.GetByTestId(testId);

    public async ValueTask DisposeAsync() => await Context.CloseAsync().WaitAsync(Limits.Await);
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<DevelopmentSite>
{
    public const string Name = "Browser";
}
