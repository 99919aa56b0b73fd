using Microsoft.EntityFrameworkCore;
using Sosei.Application.Evaluation;
using Sosei.Application.Reports;
using Sosei.Application.Tests.Infrastructure;

namespace Sosei.Application.Tests.Reports;

/// <summary>
/// The PDF printer with Chromium: a few at a time whatever the number asked for, one browser for every job, a
/// relaunch after a crash, and a PDF printed once for the same data (cache, and one print for identical requests at
/// the same time). The HTML documents are tiny so each print is quick.
/// </summary>
public class PdfPrinterTests
{
    [Fact]
    public async Task ManyPdfsAtOnce_AllSucceedButNeverMoreThanMaxConcurrentArePrintedAtOnce_OnOneBrowser()
    {
        await using var printer = new PdfPrinter(new PdfOptions { MaxConcurrent = 2, MaxQueued = 10 }, TimeProvider.System);

        var pdfs = await Task.WhenAll(Enumerable.Range(1, 6).Select(i => Task.Run(() => printer.PrintAsync(Html($"文書 {i}"), "左", "右"))));

        Assert.All(pdfs, pdf => Assert.StartsWith("%PDF", System.Text.Encoding.ASCII.GetString(pdf, 0, 4), StringComparison.Ordinal));
        var stats = printer.Statistics();
        Assert.Equal(6, stats.Renders);
        Assert.InRange(stats.PeakRunning, 1, 2);
        Assert.Equal(0, stats.Running);
        Assert.Equal(0, stats.Waiting);
        Assert.Equal(1, stats.BrowserLaunches);
        Assert.NotNull(stats.MeanWait);
        Assert.Equal(6, stats.CacheEntries);
    }

    [Fact]
    public async Task IdenticalPdfsAskedAtOnce_ArePrintedOnce_AndAskedAgain_ComeFromTheCache()
    {
        await using var printer = new PdfPrinter(new PdfOptions(), TimeProvider.System);

        var both = await Task.WhenAll(printer.PrintAsync(Html("同じ"), "左", "右"), printer.PrintAsync(Html("同じ"), "左", "右"));
        var again = await printer.PrintAsync(Html("同じ"), "左", "右");
        var otherHeader = await printer.PrintAsync(Html("同じ"), "左", "別の右");

        Assert.Equal(both[0], both[1]);
        Assert.Equal(both[0], again);
        Assert.NotEqual(both[0], otherHeader);
        var stats = printer.Statistics();
        Assert.Equal(2, stats.Renders);
        Assert.Equal(2, stats.CacheHits);
    }

    [Fact]
    public async Task ABrowserThatCrashed_IsLaunchedAgainForTheNextPdf()
    {
        await using var printer = new PdfPrinter(new PdfOptions(), TimeProvider.System);
        await printer.PrintAsync(Html("一"), "左", "右");

        await printer.CloseBrowserForTestAsync();
        var pdf = await printer.PrintAsync(Html("二"), "左", "右");

        Assert.StartsWith("%PDF", System.Text.Encoding.ASCII.GetString(pdf, 0, 4), StringComparison.Ordinal);
        Assert.Equal(2, printer.Statistics().BrowserLaunches);
    }

    [Fact]
    public async Task AFullQueue_RefusesAtOnceWithAMessageInBothLanguages()
    {
        await using var printer = new PdfPrinter(new PdfOptions { MaxConcurrent = 1, MaxQueued = 0 }, TimeProvider.System);
        using var held = await printer.Slots.EnterAsync();

        var e = await Assert.ThrowsAsync<PdfQueueFullException>(() => printer.PrintAsync(Html("待てない"), "左", "右"));

        Assert.Contains("混み合っています", e.Problem.Japanese, StringComparison.Ordinal);
        Assert.Contains("busy", e.Problem.English, StringComparison.Ordinal);
        Assert.Equal(1, printer.Statistics().Rejected);
        Assert.Equal(0, printer.Statistics().Renders);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task AReportPdfAskedTwice_IsPrintedOnceWithTheSameBytes_AndAChangedValueGivesANewPdf(DbKind kind)
    {
        await using var db = await DemoDatabase.PlansAsync(kind);
        await using var printer = new PdfPrinter(new PdfOptions(), TimeProvider.System);

        var first = await RenderAsync(db, printer);
        var second = await RenderAsync(db, printer);
        Assert.Equal(first, second);
        Assert.Equal(1, printer.Statistics().Renders);
        Assert.Equal(1, printer.Statistics().CacheHits);

        await using (var context = db.NewContext())
        {
            // 市内事業所の従業員数, H28: 15,757人 → 15,000人.
            var kpi = await context.Kpis.FirstAsync(k => k.Plan!.Code == "abashiri-sosei-2015" && k.Name == "市内事業所の従業員数");
            var value = await context.KpiValues.FirstAsync(v => v.KpiId == kpi.Id && v.PeriodYear == 2016 && v.Amount == 15757m);
            value.Amount = 15000m;
            value.OriginalText = "15,000";
            await context.SaveChangesAsync();
        }

        var changed = await RenderAsync(db, printer);
        Assert.NotEqual(first, changed);
        Assert.Equal(2, printer.Statistics().Renders);
    }

    private static async Task<byte[]> RenderAsync(TestDatabase db, PdfPrinter printer)
    {
        await using var context = db.NewContext();
        var service = new ReportService(new PlanEvaluator(context, DemoDatabase.Clock), new ProjectListReportBuilder(context), printer);
        var file = await service.RenderAsync("abashiri-sosei-2015", ReportKind.KpiTable, ReportFormat.Pdf, 2018);
        return file!.Content;
    }

    private static string Html(string text) =>
        $"<!DOCTYPE html><html lang=\"ja\"><head><meta charset=\"utf-8\"><title>t</title></head><body><p>{text}</p></body></html>";
}
