using Microsoft.Playwright;
using Sosei.Testing;

namespace Sosei.Web.BrowserTests.Infrastructure;

/// <summary>
/// The app of one browser test class (xUnit class fixture): served by Kestrel on 127.0.0.1 over a SQLite database of
/// its own, loaded with the demo data when it starts. A test that edits data changes only its own class's database, so
/// no other class sees it and the order of classes does not matter. The tests of one class share the app (one start
/// per class keeps the suite quick): a class whose tests change data keeps them on items its other tests do not read.
/// </summary>
public sealed class BrowserApp(ChromiumFixture chromium) : IAsyncLifetime, IDisposable
{
    /// <summary>The administrator password of the app.</summary>
    public const string AdminPassword = SoseiWebFactory.AdminPassword;

    private readonly SoseiWebFactory app = new();
    private readonly List<IBrowserContext> contexts = [];

    /// <summary>Base URL, e.g. http://127.0.0.1:40123.</summary>
    public string BaseUrl { get; private set; } = "";

    /// <summary>Where screenshots go (artifacts/screenshots at the repository root, or under SOSEI_ARTIFACTS).</summary>
    public static string ArtifactsDirectory => RepositoryRoot.ArtifactsDirectory("screenshots");

    /// <inheritdoc />
    public Task InitializeAsync()
    {
        BaseUrl = app.StartKestrel();
        return Task.CompletedTask;
    }

    /// <summary>A new page on this app, in a context of its own (no cookies shared between tests), desktop sized.</summary>
    public async Task<IPage> NewPageAsync(string locale = "ja-JP")
    {
        var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl,
            Locale = locale,
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
            AcceptDownloads = true,
        });
        contexts.Add(context);
        return await context.NewPageAsync();
    }

    /// <summary>A new page signed in as the administrator (through the login page).</summary>
    public async Task<IPage> SignedInPageAsync(string locale = "ja-JP")
    {
        var page = await NewPageAsync(locale);
        await new PageObjects.Admin.SignInPage(page).SignInAsync();
        return page;
    }

    /// <summary>Saves a full-page screenshot as a test artifact.</summary>
    public static async Task ScreenshotAsync(IPage page, string name)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ArtifactsDirectory, name + ".png"), FullPage = true });
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        foreach (var context in contexts)
        {
            await context.CloseAsync();
        }

        await app.DisposeAsync();
    }

    /// <summary>Disposes the app (xUnit calls this after <see cref="DisposeAsync"/>; a second dispose does nothing).</summary>
    public void Dispose() => app.Dispose();
}
