using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Playwright;

namespace Sosei.Application.Reports;

/// <summary>
/// Prints report HTML to an A4 landscape PDF with Chromium driven by Playwright: Japanese fonts (Noto Sans CJK JP from
/// Debian's fonts-noto-cjk) are embedded by Chromium, every page gets a header with the plan and report name and a
/// footer "1 / 3", and every network request of the page is blocked. Needs Chromium at run time:
/// <c>SOSEI_CHROMIUM</c>, or Debian's <c>/usr/bin/chromium</c>.
/// <para>
/// One per process (a singleton): one Playwright driver and one browser, launched at the first PDF and reused (a new
/// browser context per job, closed after it), launched again when it crashed or disconnected, closed when the
/// printer is disposed (at shutdown). Jobs go through the <see cref="PdfSlots"/> (a few at once, a bounded number
/// waiting); a printed PDF is kept in a bounded memory cache under the hash of its complete HTML and header texts,
/// so the same data is printed once, and identical requests at the same time share one print. Counts are on the
/// "Sosei.Pdf" meter and in <see cref="Statistics"/>.
/// </para>
/// </summary>
public sealed class PdfPrinter : IAsyncDisposable
{
    /// <summary>The name of the meter with the printer's instruments.</summary>
    public const string MeterName = "Sosei.Pdf";

    private static readonly string[] KnownPaths = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];

    private readonly PdfSlots queue;
    private readonly PdfOptions options;
    private readonly TimeProvider time;
    private readonly MemoryCache? cache;
    private readonly ConcurrentDictionary<string, Lazy<Task<byte[]>>> printing = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim launchLock = new(1, 1);
    private readonly CancellationTokenSource shutdown = new();
    private readonly Meter meter;
    private readonly Counter<long> rendersCounter;
    private readonly Counter<long> hitsCounter;
    private readonly Counter<long> rejectedCounter;
    private readonly Histogram<double> waitHistogram;
    private readonly Histogram<double> renderHistogram;
    private IPlaywright? playwright;
    private IBrowser? browser;
    private long renders;
    private long hits;
    private long launches;
    private long renderTicksTotal;
    private int disposed;

    /// <summary>Creates the printer (nothing is started before the first PDF).</summary>
    public PdfPrinter(PdfOptions options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        this.options = options;
        this.time = time;
        queue = new PdfSlots(options, time);
        if (options.CacheEntries > 0)
        {
            cache = new MemoryCache(new MemoryCacheOptions { SizeLimit = options.CacheEntries, CompactionPercentage = 0.25 });
        }

        meter = new Meter(MeterName);
        meter.CreateObservableGauge("sosei.pdf.running", () => queue.Running, "{job}", "PDFs being printed");
        meter.CreateObservableGauge("sosei.pdf.waiting", () => queue.Waiting, "{job}", "PDFs waiting for a printer");
        meter.CreateObservableGauge("sosei.pdf.cache.entries", () => CacheEntries, "{pdf}", "PDFs in the cache");
        waitHistogram = meter.CreateHistogram<double>("sosei.pdf.wait_time", "s", "Time a PDF waited for a printer");
        renderHistogram = meter.CreateHistogram<double>("sosei.pdf.render_time", "s", "Time Chromium took to print a PDF");
        rendersCounter = meter.CreateCounter<long>("sosei.pdf.renders", "{pdf}", "PDFs printed by Chromium");
        hitsCounter = meter.CreateCounter<long>("sosei.pdf.cache.hits", "{pdf}", "PDFs answered from the cache or from an identical print under way");
        rejectedCounter = meter.CreateCounter<long>("sosei.pdf.rejected", "{request}", "PDF requests refused because the queue was full");
    }

    /// <summary>The queue of the prints: its slots (its slots can also be held by a caller, e.g. a test).</summary>
    public PdfSlots Slots => queue;

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

    /// <summary>The printer's figures now.</summary>
    public PdfStatistics Statistics()
    {
        var count = Interlocked.Read(ref renders);
        return new PdfStatistics(
            queue.Running,
            queue.Waiting,
            queue.MaxConcurrent,
            queue.MaxQueued,
            queue.PeakRunning,
            queue.LastWait,
            queue.MeanWait,
            CacheEntries,
            Math.Max(0, options.CacheEntries),
            count,
            Interlocked.Read(ref hits),
            queue.Rejected,
            count > 0 ? TimeSpan.FromTicks(Interlocked.Read(ref renderTicksTotal) / count) : null,
            Interlocked.Read(ref launches));
    }

    /// <summary>Prints HTML to PDF, or answers the PDF printed before from the same HTML and headers.</summary>
    /// <param name="html">A complete HTML document.</param>
    /// <param name="headerLeft">Text of the page header (plan name).</param>
    /// <param name="headerRight">Text on the right of the page header (report and year).</param>
    /// <param name="cancellationToken">Stops waiting (a print under way finishes and is cached).</param>
    /// <exception cref="ReportUnavailableException">Chromium is not installed, or it failed to start or print.</exception>
    /// <exception cref="PdfQueueFullException">Too many PDFs are being printed and waiting.</exception>
    public async Task<byte[]> PrintAsync(string html, string headerLeft, string headerRight, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(html);
        ArgumentNullException.ThrowIfNull(headerLeft);
        ArgumentNullException.ThrowIfNull(headerRight);
        ObjectDisposedException.ThrowIf(Volatile.Read(ref disposed) != 0, this);
        cancellationToken.ThrowIfCancellationRequested();
        var key = Key(html, headerLeft, headerRight);
        if (cache is not null && cache.TryGetValue(key, out byte[]? cached) && cached is not null)
        {
            Hit();
            return cached;
        }

        var executable = ChromiumPath()
            ?? throw new ReportUnavailableException("PDF の作成には Chromium が必要です（Debian: apt-get install chromium fonts-noto-cjk、または環境変数 SOSEI_CHROMIUM）。 / PDF needs Chromium (apt-get install chromium fonts-noto-cjk, or set SOSEI_CHROMIUM).");
        Lazy<Task<byte[]>>? job = null;
        job = new Lazy<Task<byte[]>>(() => PrintQueuedAsync(key, job!, executable, html, headerLeft, headerRight), LazyThreadSafetyMode.ExecutionAndPublication);
        var shared = printing.GetOrAdd(key, job);
        if (!ReferenceEquals(shared, job))
        {
            Hit();
        }

        return await shared.Value.WaitAsync(cancellationToken);
    }

    /// <summary>Closes the browser and the Playwright driver; PDFs asked for afterwards are refused.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) != 0)
        {
            return;
        }

        await shutdown.CancelAsync();
        await launchLock.WaitAsync();
        try
        {
            await CloseBrowserAsync();
            playwright?.Dispose();
            playwright = null;
        }
        finally
        {
            launchLock.Release();
        }

        cache?.Dispose();
        meter.Dispose();
        queue.Dispose();
        shutdown.Dispose();
    }

    /// <summary>Closes the browser as a crash would (for tests of the relaunch); the next print launches a new one.</summary>
    internal async Task CloseBrowserForTestAsync()
    {
        await launchLock.WaitAsync();
        try
        {
            if (browser is not null)
            {
                await browser.CloseAsync();
            }
        }
        finally
        {
            launchLock.Release();
        }
    }

    private static string Key(string html, string headerLeft, string headerRight)
    {
        var text = string.Concat(headerLeft, "\u0000", headerRight, "\u0000", html);
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    private int CacheEntries => cache is null ? 0 : (int)cache.Count;

    private void Hit()
    {
        Interlocked.Increment(ref hits);
        hitsCounter.Add(1);
    }

    private async Task<byte[]> PrintQueuedAsync(string key, Lazy<Task<byte[]>> job, string executable, string html, string headerLeft, string headerRight)
    {
        // Yield first so the job is in the table before it can end (a full queue fails at once).
        await Task.Yield();
        try
        {
            PdfSlot slot;
            try
            {
                slot = await queue.EnterAsync(shutdown.Token);
            }
            catch (PdfQueueFullException)
            {
                rejectedCounter.Add(1);
                throw;
            }

            using (slot)
            {
                waitHistogram.Record(slot.Waited.TotalSeconds);
                var started = time.GetTimestamp();
                var pdf = await RenderAsync(executable, html, headerLeft, headerRight);
                var took = time.GetElapsedTime(started);
                Interlocked.Increment(ref renders);
                Interlocked.Add(ref renderTicksTotal, took.Ticks);
                rendersCounter.Add(1);
                renderHistogram.Record(took.TotalSeconds);
                cache?.Set(key, pdf, new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = options.CacheFor > TimeSpan.Zero ? options.CacheFor : TimeSpan.FromHours(1) });
                return pdf;
            }
        }
        finally
        {
            printing.TryRemove(new KeyValuePair<string, Lazy<Task<byte[]>>>(key, job));
        }
    }

    private async Task<byte[]> RenderAsync(string executable, string html, string headerLeft, string headerRight)
    {
        for (var attempt = 1; ; attempt++)
        {
            var current = await BrowserAsync(executable);
            try
            {
                return await PrintOnAsync(current, html, headerLeft, headerRight);
            }
            catch (PlaywrightException) when (!current.IsConnected && attempt == 1)
            {
                // The browser crashed or was closed during the job: launch a new one and print once more.
            }
            catch (PlaywrightException e)
            {
                throw new ReportUnavailableException("Chromium で PDF を作成できませんでした / Chromium could not print the PDF: " + e.Message, e);
            }
        }
    }

    private static async Task<byte[]> PrintOnAsync(IBrowser browser, string html, string headerLeft, string headerRight)
    {
        var context = await browser.NewContextAsync();
        try
        {
            var page = await context.NewPageAsync();

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
        finally
        {
            if (browser.IsConnected)
            {
                await context.CloseAsync();
            }
        }
    }

    private async Task<IBrowser> BrowserAsync(string executable)
    {
        if (browser is { IsConnected: true } running)
        {
            return running;
        }

        await launchLock.WaitAsync(shutdown.Token);
        try
        {
            ObjectDisposedException.ThrowIf(Volatile.Read(ref disposed) != 0, this);
            if (browser is { IsConnected: true } launched)
            {
                return launched;
            }

            await CloseBrowserAsync();
            try
            {
                playwright ??= await Playwright.CreateAsync();
                browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
                {
                    ExecutablePath = executable,
                    Headless = true,
                    Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage"],
                });
            }
            catch (PlaywrightException e)
            {
                // The driver may be what failed: start it afresh next time.
                playwright?.Dispose();
                playwright = null;
                throw new ReportUnavailableException("Chromium を起動できませんでした / Chromium could not be started: " + e.Message, e);
            }

            Interlocked.Increment(ref launches);
            return browser;
        }
        finally
        {
            launchLock.Release();
        }
    }

    private async Task CloseBrowserAsync()
    {
        if (browser is null)
        {
            return;
        }

        try
        {
            await browser.DisposeAsync();
        }
        catch (PlaywrightException)
        {
            // Already gone (crashed): nothing to close.
        }

        browser = null;
    }
}

/// <summary>The figures of the <see cref="PdfPrinter"/> (admin page).</summary>
/// <param name="Running">PDFs being printed now.</param>
/// <param name="Waiting">PDFs waiting for a printer now.</param>
/// <param name="MaxConcurrent">Printed at once, at most (<c>Sosei:Pdf:MaxConcurrent</c>).</param>
/// <param name="MaxQueued">Waiting, at most (<c>Sosei:Pdf:MaxQueued</c>).</param>
/// <param name="PeakRunning">The most printed at once since the start.</param>
/// <param name="LastWait">The last job's wait for a printer.</param>
/// <param name="MeanWait">The mean wait for a printer.</param>
/// <param name="CacheEntries">PDFs in the cache.</param>
/// <param name="CacheLimit">Entries the cache keeps at most (<c>Sosei:Pdf:CacheEntries</c>).</param>
/// <param name="Renders">PDFs printed by Chromium since the start.</param>
/// <param name="CacheHits">Requests answered from the cache or by an identical print under way.</param>
/// <param name="Rejected">Requests refused because the queue was full.</param>
/// <param name="MeanRender">The mean time Chromium took per PDF.</param>
/// <param name="BrowserLaunches">Times the browser was launched (more than one: it crashed or disconnected).</param>
public sealed record PdfStatistics(
    int Running,
    int Waiting,
    int MaxConcurrent,
    int MaxQueued,
    int PeakRunning,
    TimeSpan? LastWait,
    TimeSpan? MeanWait,
    int CacheEntries,
    int CacheLimit,
    long Renders,
    long CacheHits,
    long Rejected,
    TimeSpan? MeanRender,
    long BrowserLaunches);
