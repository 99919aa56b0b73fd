using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Sosei.Application.Reports;

namespace Sosei.Web.Tests;

/// <summary>
/// The limits of PDF downloads: a full printing queue answers 503 with Retry-After and a message in the UI language,
/// an anonymous client past its PDFs a minute gets 429 while a signed-in administrator is not limited, and the admin
/// page shows the printer's figures. No PDF is printed here (the queue is held, the limited requests ask for an
/// unknown plan).
/// </summary>
public sealed class PdfLimitsTests
{
    private const string Pdf = "/plans/abashiri-sosei-2015/reports/verification.pdf?year=2018";

    [Fact]
    public async Task AFullPdfQueue_Answers503WithRetryAfterAndTheMessageOfTheUiLanguage()
    {
        using var root = new SoseiWebFactory();
        using var factory = root.WithWebHostBuilder(b => b.UseSetting("Sosei:Pdf:MaxConcurrent", "1").UseSetting("Sosei:Pdf:MaxQueued", "0"));
        var client = factory.CreateClient();
        var printer = factory.Services.GetRequiredService<PdfPrinter>();
        using var held = await printer.Slots.EnterAsync();

        var japanese = await client.GetAsync(new Uri(Pdf, UriKind.Relative));
        var english = await client.GetAsync(new Uri(Pdf + "&culture=en", UriKind.Relative));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, japanese.StatusCode);
        Assert.Equal("application/problem+json", japanese.Content.Headers.ContentType!.MediaType);
        Assert.Equal(TimeSpan.FromSeconds(10), japanese.Headers.RetryAfter!.Delta);
        var text = await japanese.Content.ReadAsStringAsync();
        Assert.Contains("PDF の作成が混み合っています", text, StringComparison.Ordinal);
        Assert.DoesNotContain("PDF printing is busy", text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, english.StatusCode);
        Assert.Contains("PDF printing is busy", await english.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(2, printer.Statistics().Rejected);
        Assert.Equal(0, printer.Statistics().Renders);

        // The other formats are not queued.
        var xlsx = await client.GetAsync(new Uri("/plans/abashiri-sosei-2015/reports/verification.xlsx?year=2018", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
    }

    [Fact]
    public async Task AnAnonymousClientPastItsPdfsAMinute_Gets429_AndASignedInAdministratorIsNotLimited()
    {
        using var root = new SoseiWebFactory();
        using var factory = root.WithWebHostBuilder(b => b.UseSetting("Sosei:Pdf:AnonymousPerMinute", "2"));
        var anonymous = factory.CreateClient();
        const string unknown = "/plans/no-such-plan/reports/verification.pdf";

        var allowed = new[] { await anonymous.GetAsync(new Uri(unknown, UriKind.Relative)), await anonymous.GetAsync(new Uri(unknown, UriKind.Relative)) };
        var limited = await anonymous.GetAsync(new Uri(unknown, UriKind.Relative));
        var limitedEnglish = await anonymous.GetAsync(new Uri(unknown + "?culture=en", UriKind.Relative));
        var xlsx = await anonymous.GetAsync(new Uri("/plans/no-such-plan/reports/verification.xlsx", UriKind.Relative));

        Assert.All(allowed, r => Assert.Equal(HttpStatusCode.NotFound, r.StatusCode));
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.NotNull(limited.Headers.RetryAfter?.Delta);
        Assert.InRange(limited.Headers.RetryAfter!.Delta!.Value, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1));
        Assert.Contains("1 分間に 2 件まで", await limited.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.TooManyRequests, limitedEnglish.StatusCode);
        Assert.Contains("2 times a minute", await limitedEnglish.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, xlsx.StatusCode);

        var admin = await AdminSession.SignedInAsync(factory);
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync(new Uri(unknown, UriKind.Relative))).StatusCode);
        }
    }

    [Fact]
    public async Task TheAdminPage_ShowsThePdfQueueAndCacheFigures()
    {
        using var factory = new SoseiWebFactory();
        var admin = await AdminSession.SignedInAsync(factory);

        var html = await admin.GetStringAsync(new Uri("/admin", UriKind.Relative));

        Assert.Contains("PDF の作成", html, StringComparison.Ordinal);
        Assert.Contains("同時に 2 件まで作成し、20 件まで待たせます", html, StringComparison.Ordinal);
        Assert.Contains("作成済みから返した PDF", html, StringComparison.Ordinal);
    }
}
