using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Sosei.Web.BrowserTests.Infrastructure;

/// <summary>The app served by Kestrel on 127.0.0.1 (fresh SQLite database with the demo data).</summary>
public sealed class KestrelApp : WebApplicationFactory<Program>
{
    /// <summary>Administrator password configured for tests.</summary>
    public const string AdminPassword = "browser-Admin-Password-1";

    private readonly string dataDirectory = Path.Combine(Path.GetTempPath(), "sosei-browser-tests", Guid.NewGuid().ToString("N"));

    /// <inheritdoc />
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Sosei:DataDirectory", dataDirectory);
        builder.UseSetting("Sosei:AdminPassword", AdminPassword);
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

/// <summary>
/// One app and one headless Debian Chromium for all browser tests (a collection fixture). Chromium is launched as
/// docs/engineering.md says: headless, no sandbox, no background networking (the machine has no internet).
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private IPlaywright? playwright;

    /// <summary>The app.</summary>
    public KestrelApp App { get; } = new();

    /// <summary>Base URL, e.g. http://127.0.0.1:40123.</summary>
    public string BaseUrl { get; private set; } = "";

    /// <summary>The browser.</summary>
    public IBrowser Browser { get; private set; } = null!;

    /// <summary>Where screenshots go (artifacts/screenshots at the repository root, or SOSEI_ARTIFACTS).</summary>
    public static string ArtifactsDirectory
    {
        get
        {
            var root = Environment.GetEnvironmentVariable("SOSEI_ARTIFACTS");
            if (string.IsNullOrEmpty(root))
            {
                var dir = new DirectoryInfo(AppContext.BaseDirectory);
                while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Sosei.slnx")))
                {
                    dir = dir.Parent;
                }

                root = Path.Combine(dir?.FullName ?? Path.GetTempPath(), "artifacts");
            }

            var path = Path.Combine(root, "screenshots");
            Directory.CreateDirectory(path);
            return path;
        }
    }

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        App.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        App.StartServer();
        var addresses = App.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        BaseUrl = addresses.First().TrimEnd('/');

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

    /// <summary>A new page (own context: cookies not shared between tests) with a desktop viewport.</summary>
    public async Task<IPage> NewPageAsync(string locale = "ja-JP")
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl,
            Locale = locale,
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
            AcceptDownloads = true,
        });
        return await context.NewPageAsync();
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
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        playwright?.Dispose();
        await App.DisposeAsync();
    }
}

/// <summary>The collection sharing one app and one browser.</summary>
[CollectionDefinition(Name)]
public sealed class BrowserTestGroup : ICollectionFixture<BrowserFixture>
{
    /// <summary>Collection name.</summary>
    public const string Name = "browser";
}
