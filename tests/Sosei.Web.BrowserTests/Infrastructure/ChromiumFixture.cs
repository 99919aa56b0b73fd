using Microsoft.Playwright;

namespace Sosei.Web.BrowserTests.Infrastructure;

/// <summary>
/// One headless Debian Chromium for the whole browser suite (the collection fixture of <see cref="BrowserTestGroup"/>),
/// launched as docs/engineering.md says: headless, no sandbox, no background networking (the machine has no internet).
/// Each test class gets its own app (<see cref="BrowserApp"/>); the browser is shared, its contexts are not.
/// </summary>
public sealed class ChromiumFixture : IAsyncLifetime
{
    private IPlaywright? playwright;

    /// <summary>The browser.</summary>
    public IBrowser Browser { get; private set; } = null!;

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        var executable = Environment.GetEnvironmentVariable("SOSEI_CHROMIUM") ?? "/usr/bin/chromium";
        if (!File.Exists(executable))
        {
            throw new InvalidOperationException($"Chromium not found at {executable}: run ./build.sh test (it installs Debian's chromium) or set SOSEI_CHROMIUM.");
        }

        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = executable,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
        });
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        playwright?.Dispose();
    }
}

/// <summary>
/// The browser test classes: one shared Chromium, and classes run one after another (one app and one browser page at
/// a time, which suits a small machine). Each class also declares <c>IClassFixture&lt;BrowserApp&gt;</c> for its own app.
/// </summary>
[CollectionDefinition(Name)]
public sealed class BrowserTestGroup : ICollectionFixture<ChromiumFixture>
{
    /// <summary>Collection name.</summary>
    public const string Name = "browser";
}
