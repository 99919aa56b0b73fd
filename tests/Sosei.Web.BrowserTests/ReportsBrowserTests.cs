using Microsoft.Playwright;
using Sosei.Application.Workbooks;
using Sosei.Web.BrowserTests.Infrastructure;
using Sosei.Web.BrowserTests.PageObjects.Admin;

namespace Sosei.Web.BrowserTests;

/// <summary>What a person sees on the downloads page and the import page, in Chromium.</summary>
[Collection(BrowserTestGroup.Name)]
public class ReportsBrowserTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task Downloads_ClickingExcelOfTheVerificationReport_DownloadsTheWorkbook()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/plans/abashiri-sosei-2015/downloads?year=2018");
        Assert.Equal("ダウンロード 網走市まち・ひと・しごと創生総合戦略（第1期）", (await page.Locator("h1").InnerTextAsync()).ReplaceLineEndings(" "));
        await BrowserApp.ScreenshotAsync(page, "downloads");

        var row = page.Locator("tr", new() { Has = page.GetByRole(AriaRole.Rowheader, new() { Name = "効果検証" }) });
        var download = await page.RunAndWaitForDownloadAsync(() => row.GetByRole(AriaRole.Link, new() { Name = "Excel" }).ClickAsync());

        Assert.Equal("abashiri-sosei-2015_効果検証_平成30年度.xlsx", download.SuggestedFilename);
        var path = await download.PathAsync();
        await using var stream = File.OpenRead(path);
        var sheets = XlsxReader.Read(stream);
        var summary = sheets.Single(s => s.Name == "評価の集計");
        Assert.Equal("全KPI", summary.Cell(4, 2));
        Assert.Equal("合計", summary.Cell(11, 1));
        Assert.Equal("64", summary.Cell(11, 5));
    }

    [Fact]
    public async Task Import_DryRunOfABadWorkbook_ShowsEveryProblemWithItsCell()
    {
        var page = await app.NewPageAsync();
        await new SignInPage(page).SignInAsync(returnUrl: ImportPage.Url);
        await page.WaitForURLAsync("**/admin/import");
        var import = new ImportPage(page);

        await import.ChooseFileAsync(new FilePayload
        {
            Name = "網走市KPI.xlsx",
            MimeType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            Buffer = BadWorkbook(),
        });
        await import.DryRunAsync();

        var problems = await import.ProblemsAsync();
        Assert.Contains(problems, p => p.Contains("「KPI」シート 3行 G列（H27年(度)）", StringComparison.Ordinal) && p.Contains("2億x円", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("「KPI」シート 1行 J列（XX年）", StringComparison.Ordinal) && p.Contains("期間", StringComparison.Ordinal));
        await BrowserApp.ScreenshotAsync(page, "import-dry-run");
    }

    // A 網走市-shaped sheet with two mistakes: a value that is not a number and a header that is not a period.
    private static byte[] BadWorkbook()
    {
        var plan = new XlsxSheet { Name = "計画" };
        plan.Add(XlsxCell.Of("項目"), XlsxCell.Of("値"));
        plan.Add(XlsxCell.Of("計画コード"), XlsxCell.Of("abashiri-test"));
        plan.Add(XlsxCell.Of("計画名"), XlsxCell.Of("網走市総合戦略（取り込みの試験）"));
        plan.Add(XlsxCell.Of("団体コード"), XlsxCell.Of("01211"));
        plan.Add(XlsxCell.Of("対象期間"), XlsxCell.Of("H27～H31"));
        plan.Add(XlsxCell.Of("階層名"), XlsxCell.Of("基本目標\n基本方針"));
        var kpi = new XlsxSheet { Name = "KPI" };
        kpi.Add(new[] { "基本目標", "基本方針", "項目", "基準値(H26)", "担当課", "確認方法", "H27年(度)", "H28年(度)", "目標値(H31)", "XX年" }.Select(h => XlsxCell.Of(h, XlsxStyle.Head)).ToArray());
        kpi.Add(new[] { "<基本目標1> 若い世代を中心として、安心して働くための産業振興と雇用の場の創出", "", "市内事業所の従業員数", "16,474人", "商工労働課", "経済センサス", "", "15,757人", "16,000人", "" }.Select(c => XlsxCell.Of(c)).ToArray());
        kpi.Add(new[] { "", "産業振興策の構築", "観光入込客数", "141万5千人", "観光課", "観光客入込調査", "2億x円", "153万人", "170万人", "" }.Select(c => XlsxCell.Of(c)).ToArray());
        return XlsxWriter.ToBytes([plan, kpi]);
    }
}
