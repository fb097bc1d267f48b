using PhoneBridge.Testing.Web;
using Microsoft.Playwright;

namespace PinCovisor.EndToEnd.Browser;

/// <summary>
/// One PNG per step per person, under <c>test-results/screenshots/&lt;test&gt;/</c> at the
/// repository root, made fresh for each run of the test.
/// </summary>
public sealed class Screenshots
{
    private readonly IReadOnlyList<Role> _roles;
    private int _step;

    public Screenshots(string test, ITestOutputHelper output, params Role[] roles)
    {
        ArgumentNullException.ThrowIfNull(output);
        Folder = Repository.Path("test-results", "screenshots", test);
        if (Directory.Exists(Folder))
        {
            Directory.Delete(Folder, recursive: true);
        }

        Directory.CreateDirectory(Folder);
        _roles = roles;
        output.WriteLine($"Screenshots: {Folder}");
    }

    public string Folder { get; }

    public IReadOnlyList<Role> Roles => _roles;

    /// <summary>
    /// Saves <c>NN-step-role.png</c> for every person of the test whose page is still open; the whole
    /// page on a phone, the window on a desktop.
    /// </summary>
    public async Task TakeAsync(string step)
    {
        _step++;
        foreach (var role in _roles.Where(r => !r.Page.IsClosed))
        {
            var path = Path.Combine(Folder, $"{_step:00}-{step}-{role.Name}.png");
            await role.Page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = role.Device == Device.Phone, Timeout = Limits.Ms(Limits.Action) })
                .WaitAsync(Limits.Await);
        }
    }
}
