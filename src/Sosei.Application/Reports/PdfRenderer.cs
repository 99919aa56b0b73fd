using System.Net;
using Microsoft.Playwright;

namespace Sosei.Application.Reports;

/// <summary>
/// Prints report HTML to an A4 PDF with Chromium driven by Playwright: Japanese fonts (Noto Sans CJK JP from Debian's
/// fonts-noto-cjk) are embedded by Chromium, every page gets a header with the plan and report name and a footer
/// "1 / 3". Needs Chromium at run time: <c>SOSEI_CHROMIUM</c>, or Debian's <c>/usr/bin/chromium</c>.
/// </summary>
public static class PdfRenderer
{
    private static readonly string[] KnownPaths = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];

    /// <summary>The Chromium executable to use, or null when there is none.</summary>
    public static string? ChromiumPath()
    {
        var configured = Environment.GetEnvironmentVariable("SOSEI_CHROMIUM");
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return File.Exists(configured) ? configured : null;
        }

        return KnownPaths.FirstOrDefault(File.Exists);
    }

    /// <summary>Renders HTML to PDF.</summary>
    /// <param name="html">A complete HTML document.</param>
    /// <param name="headerLeft">Text of the page header (plan name).</param>
    /// <param name="headerRight">Text on the right of the page header (report and year).</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <exception cref="ReportUnavailableException">Chromium is not installed, or it failed to start.</exception>
    public static async Task<byte[]> RenderAsync(string html, string headerLeft, string headerRight, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(html);
        var executable = ChromiumPath()
            ?? throw new ReportUnavailableException("PDF の作成には Chromium が必要です（Debian: apt-get install chromium fonts-noto-cjk、または環境変数 SOSEI_CHROMIUM）。 / PDF needs Chromium (apt-get install chromium fonts-noto-cjk, or set SOSEI_CHROMIUM).");
        cancellationToken.ThrowIfCancellationRequested();
        try
        {
            using var playwright = await Playwright.CreateAsync();
            await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = executable,
                Headless = true,
                Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
            });
            var page = await browser.NewPageAsync();

            // The report is self-contained: block any request so printing never touches the network.
            await page.RouteAsync("**/*", route => route.AbortAsync());
            await page.SetContentAsync(html, new PageSetContentOptions { WaitUntil = WaitUntilState.Load });
            const string font = "font-family: 'Noto Sans CJK JP', 'Noto Sans JP', sans-serif; font-size: 7.5pt; color: #4b5563;";
            return await page.PdfAsync(new PagePdfOptions
            {
                Format = "A4",
                Landscape = true,
                PrintBackground = true,
                PreferCSSPageSize = true,
                DisplayHeaderFooter = true,
                HeaderTemplate = $"<div style=\"{font} width: 100%; padding: 0 10mm; display: flex; justify-content: space-between;\"><span>{WebUtility.HtmlEncode(headerLeft)}</span><span>{WebUtility.HtmlEncode(headerRight)}</span></div>",
                FooterTemplate = $"<div style=\"{font} width: 100%; text-align: center;\"><span class=\"pageNumber\"></span> / <span class=\"totalPages\"></span></div>",
                Margin = new Margin { Top = "16mm", Bottom = "14mm", Left = "10mm", Right = "10mm" },
            });
        }
        catch (PlaywrightException e)
        {
            throw new ReportUnavailableException("Chromium で PDF を作成できませんでした / Chromium could not print the PDF: " + e.Message, e);
        }
    }
}
