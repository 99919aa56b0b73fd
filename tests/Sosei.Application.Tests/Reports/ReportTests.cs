using System.Diagnostics;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Sosei.Application.Evaluation;
using Sosei.Application.Persistence;
using Sosei.Application.Reports;
using Sosei.Application.Tests.Infrastructure;
using Sosei.Testing;

namespace Sosei.Application.Tests.Reports;

/// <summary>
/// Reports of the demo plans: the xlsx files are opened with the Open XML SDK and checked cell by cell (headers,
/// values, number formats, frozen panes, print setup), the PDF is checked with pdftotext and pdfinfo, and its first
/// page is saved as artifacts/screenshots/report-pdf-page1.png.
/// </summary>
public class ReportTests
{
    // One printer for the class, as the app has one per process (its browser is reused between tests).
    private static readonly PdfPrinter Printer = new(new PdfOptions(), TimeProvider.System);

    private static ReportService Service(SoseiDbContext context) =>
        new(new PlanEvaluator(context, DemoDatabase.Clock), new ProjectListReportBuilder(context), Printer);

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task VerificationXlsx_HasSummaryAndKpiSheetsWithNumbersFormatsPanesAndPrintSetup(DbKind kind)
    {
        await using var db = await DemoDatabase.PlansAsync(kind);
        await using var context = db.NewContext();

        var file = await Service(context).RenderAsync("abashiri-sosei-2015", ReportKind.Verification, ReportFormat.Xlsx, 2018);

        Assert.NotNull(file);
        Assert.Equal("abashiri-sosei-2015_効果検証_平成30年度.xlsx", file.FileName);
        using var xlsx = new XlsxFile(file.Content);

        // Summary: grouped headers in row 4, grade columns in row 5, one row per 基本目標 and a total.
        var summary = xlsx.Sheet("評価の集計");
        Assert.StartsWith("網走市まち・ひと・しごと創生総合戦略（第1期） 効果検証", xlsx.Text(summary, "A1"));
        Assert.Equal("全KPI", xlsx.Text(summary, "B4"));
        Assert.Equal("基本目標", xlsx.Text(summary, "A5"));
        Assert.Equal("80%以上", xlsx.Text(summary, "B5"));
        Assert.Equal("80%未満", xlsx.Text(summary, "C5"));
        Assert.Equal("合計", xlsx.Text(summary, "A11"));
        Assert.Equal("64", xlsx.Text(summary, "E11"));
        Assert.Equal("A6", XlsxFile.FrozenAt(summary));
        Assert.Contains(XlsxFile.MergedRanges(summary), r => r == "B4:E4");
        Assert.Equal("'評価の集計'!$4:$5", xlsx.PrintTitles(0));

        // KPI list: the H28 value of 市内事業所の従業員数 is the number 15757 shown as 15,757人; achievement 98.5 %.
        var kpis = xlsx.Sheet("KPI一覧");
        Assert.Equal("指標名", xlsx.Text(kpis, "D4"));
        Assert.Equal("平成28年度 (2016)", xlsx.Text(kpis, "G4"));
        var row = xlsx.RowOf(kpis, "D", "市内事業所の従業員数");
        Assert.Equal("15757", xlsx.Text(kpis, "G" + row));
        Assert.Equal("#,##0\"人\";\"△\"#,##0\"人\"", xlsx.NumberFormat(kpis, "G" + row));
        var rateColumn = xlsx.ColumnOf(kpis, 4, "達成度");
        Assert.Equal("0.0%;\"△\"0.0%", xlsx.NumberFormat(kpis, rateColumn + row));
        Assert.Equal(0.984813m, decimal.Parse(xlsx.Text(kpis, rateColumn + row), System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("80%以上", xlsx.Text(kpis, xlsx.ColumnOf(kpis, 4, "評価（最終）") + row));
        Assert.Equal("E5", XlsxFile.FrozenAt(kpis));

        var setup = kpis.Worksheet.GetFirstChild<PageSetup>()!;
        Assert.Equal(9u, setup.PaperSize!.Value);
        Assert.Equal(OrientationValues.Landscape, setup.Orientation!.Value);
        Assert.Equal(1u, setup.FitToWidth!.Value);
        Assert.Equal(0u, setup.FitToHeight!.Value);
        Assert.True(kpis.Worksheet.GetFirstChild<SheetProperties>()!.PageSetupProperties!.FitToPage!.Value);
        Assert.Contains("&P / &N", kpis.Worksheet.GetFirstChild<HeaderFooter>()!.OddFooter!.Text, StringComparison.Ordinal);
        Assert.Contains("網走市まち・ひと・しごと創生総合戦略", kpis.Worksheet.GetFirstChild<HeaderFooter>()!.OddHeader!.Text, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task KpiTableXlsx_HasTheWideLayoutOfTheAbashiriTable(DbKind kind)
    {
        await using var db = await DemoDatabase.PlansAsync(kind);
        await using var context = db.NewContext();

        var file = await Service(context).RenderAsync("abashiri-sosei-2015", ReportKind.KpiTable, ReportFormat.Xlsx, 2018);

        using var xlsx = new XlsxFile(file!.Content);
        var sheet = xlsx.Sheet("KPI進捗管理表");
        var headers = Enumerable.Range(1, 15).Select(c => xlsx.Text(sheet, XlsxFile.Column(c) + "4")).ToList();
        Assert.Equal(["基本目標", "基本方針", "基本的な方向性", "具体的な施策", "項目", "基準値(H26)", "平成27年度 (2015)", "平成28年度 (2016)", "平成29年度 (2017)", "平成30年度 (2018)", "目標値(R1)", "基準日 (調査日)", "結果公表日 (確認時期)", "確認方法", "担当課"], headers);

        // 観光入込客数 H27: 153万2千人 → 153.2 in 万人 with one decimal.
        var row = xlsx.RowOf(sheet, "E", "観光入込客数");
        Assert.Equal("153.2", xlsx.Text(sheet, "G" + row));
        Assert.Equal("#,##0.0\"万人\";\"△\"#,##0.0\"万人\"", xlsx.NumberFormat(sheet, "G" + row));

        // Sub-items in one cell, one per line, like the document.
        var haccp = xlsx.RowOf(sheet, "E", "HACCP認定施設保有企業数\n・ホタテ製品\n・サケ製品");
        Assert.Equal("4社\n3社", xlsx.Text(sheet, "J" + haccp));
        Assert.Equal("F5", XlsxFile.FrozenAt(sheet));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task EveryReport_NamesThePlansGradingRulesInItsLastNote(DbKind kind)
    {
        await using var db = await DemoDatabase.PlansAsync(kind);
        await using var context = db.NewContext();

        foreach (var report in Enum.GetValues<ReportKind>())
        {
            var document = (await Service(context).BuildAsync("abashiri-sosei-2015", report, 2018))!;

            Assert.Equal(
                "評価の規則: 評価に使う実績 その年度までの最新の実績値 / 評価区分の境界 境界値を含む（以上） / 項目のあるKPIの評価 いずれかの系列（最も高い系列の達成率で評価） / 全国平均との差の評価 全国平均に達したか（達成・未達成）",
                document.Notes[^1]);
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task VerificationJson_HasSummaryCountsAndEveryKpi(DbKind kind)
    {
        await using var db = await DemoDatabase.PlansAsync(kind);
        await using var context = db.NewContext();

        var file = await Service(context).RenderAsync("abashiri-sosei-2015", ReportKind.Verification, ReportFormat.Json, 2018);

        using var json = JsonDocument.Parse(file!.Content);
        var root = json.RootElement;
        Assert.Equal("sosei-verification/1", root.GetProperty("format").GetString());
        Assert.Equal(2018, root.GetProperty("fiscalYear").GetInt32());
        Assert.Equal(5, root.GetProperty("goals").GetArrayLength());
        Assert.Equal(64, root.GetProperty("totals").GetProperty("all").GetProperty("total").GetInt32());
        Assert.Equal(64, root.GetProperty("kpis").GetArrayLength());
        var employees = root.GetProperty("kpis").EnumerateArray().Single(k => k.GetProperty("name").GetString() == "市内事業所の従業員数");
        Assert.Equal(98.5m, employees.GetProperty("achievementPercent").GetDecimal());
        Assert.Equal("15,757人", employees.GetProperty("actual").GetProperty("text").GetString());
        Assert.Equal("FY2016", employees.GetProperty("actual").GetProperty("period").GetString());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task ProjectsCsv_IsUtf8WithBomAndListsEveryProject(DbKind kind)
    {
        await using var db = await DemoDatabase.PlansAsync(kind);
        await using var context = db.NewContext();

        var file = await Service(context).RenderAsync("abashiri-sosei-2015", ReportKind.Projects, ReportFormat.Csv, 2018);

        Assert.Equal([0xEF, 0xBB, 0xBF], file!.Content.Take(3));
        var text = System.Text.Encoding.UTF8.GetString(file.Content, 3, file.Content.Length - 3);
        Assert.StartsWith("No.,基本目標,掲載場所,事業名", text, StringComparison.Ordinal);
        Assert.Contains("網走市生涯活躍のまち(CCRC)構築推進事業", text, StringComparison.Ordinal);
        Assert.Contains("\"2,858,000\"", text, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task VerificationPdf_IsA4WithJapaneseTextPageNumbersAndAScreenshot(DbKind kind)
    {
        await using var db = await DemoDatabase.PlansAsync(kind);
        await using var context = db.NewContext();

        var file = await Service(context).RenderAsync("abashiri-sosei-2015", ReportKind.Verification, ReportFormat.Pdf, 2018);

        Assert.StartsWith("%PDF", System.Text.Encoding.ASCII.GetString(file!.Content, 0, 4), StringComparison.Ordinal);
        var folder = Directory.CreateTempSubdirectory("sosei-pdf");
        try
        {
            var pdf = Path.Combine(folder.FullName, "report.pdf");
            await File.WriteAllBytesAsync(pdf, file.Content);
            var text = await Run("pdftotext", "-layout", pdf, "-");
            Assert.Contains("網走市まち・ひと・しごと創生総合戦略", text, StringComparison.Ordinal);
            Assert.Contains("基本目標", text, StringComparison.Ordinal);
            Assert.Contains("市内事業所の従業員数", text, StringComparison.Ordinal);
            Assert.Contains("平成30年度 (2018)", text, StringComparison.Ordinal);

            var info = await Run("pdfinfo", pdf);
            var pages = int.Parse(info.Split('\n').Single(l => l.StartsWith("Pages:", StringComparison.Ordinal))["Pages:".Length..].Trim(), System.Globalization.CultureInfo.InvariantCulture);
            Assert.InRange(pages, 4, 40);
            var size = info.Split('\n').Single(l => l.StartsWith("Page size:", StringComparison.Ordinal));
            Assert.Contains("(A4)", size, StringComparison.Ordinal);
            Assert.Matches(@"84\d(\.\d+)? x 59\d(\.\d+)?", size); // landscape, in points
            Assert.Contains($"1 / {pages}", text, StringComparison.Ordinal);
            var fonts = await Run("pdffonts", pdf);
            // Chromium embeds the CFF glyphs of Noto Sans CJK as Type 3 fonts with a Unicode map: every font embedded.
            var fontLines = fonts.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(2).ToList();
            Assert.NotEmpty(fontLines);
            Assert.All(fontLines, l => Assert.Equal("yes", l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[^5]));

            if (kind == DbKind.Sqlite)
            {
                var png = Path.Combine(RepositoryRoot.ArtifactsDirectory("screenshots"), "report-pdf-page1");
                await Run("pdftoppm", "-png", "-r", "80", "-f", "1", "-l", "1", "-singlefile", pdf, png);
                Assert.True(File.Exists(png + ".png"));
            }
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static async Task<string> Run(string program, params string[] args)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"{program} failed: {error}");
        return output;
    }
}

/// <summary>Reads cells of an xlsx file with the Open XML SDK, for assertions.</summary>
internal sealed class XlsxFile : IDisposable
{
    private readonly SpreadsheetDocument document;
    private readonly List<string> shared;

    public XlsxFile(byte[] bytes)
    {
        document = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        shared = document.WorkbookPart!.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(i => i.InnerText).ToList() ?? [];
    }

    public static string Column(int c)
    {
        var s = "";
        for (; c > 0; c = (c - 1) / 26)
        {
            s = (char)('A' + ((c - 1) % 26)) + s;
        }

        return s;
    }

    public WorksheetPart Sheet(string name)
    {
        var sheet = document.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == name);
        return (WorksheetPart)document.WorkbookPart.GetPartById(sheet.Id!);
    }

    public static Cell? Cell(WorksheetPart part, string reference) =>
        part.Worksheet.Descendants<Cell>().FirstOrDefault(c => c.CellReference == reference);

    public string Text(WorksheetPart part, string reference)
    {
        var cell = Cell(part, reference);
        if (cell is null)
        {
            return "";
        }

        if (cell.DataType?.Value == CellValues.InlineString)
        {
            return cell.InlineString!.InnerText;
        }

        if (cell.DataType?.Value == CellValues.SharedString)
        {
            return shared[int.Parse(cell.CellValue!.Text, System.Globalization.CultureInfo.InvariantCulture)];
        }

        return cell.CellValue?.Text ?? "";
    }

    public string NumberFormat(WorksheetPart part, string reference)
    {
        var style = Cell(part, reference)?.StyleIndex?.Value ?? 0;
        var stylesheet = document.WorkbookPart!.WorkbookStylesPart!.Stylesheet;
        var id = stylesheet.CellFormats!.Elements<CellFormat>().ElementAt((int)style).NumberFormatId!.Value;
        return stylesheet.NumberingFormats?.Elements<NumberingFormat>().FirstOrDefault(f => f.NumberFormatId! == id)?.FormatCode?.Value ?? id.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    public int RowOf(WorksheetPart part, string column, string text) =>
        part.Worksheet.Descendants<Row>().Select(r => (int)r.RowIndex!.Value).First(r => Text(part, column + r) == text);

    public string ColumnOf(WorksheetPart part, int headerRow, string header) =>
        Enumerable.Range(1, 200).Select(Column).First(c => Text(part, c + headerRow) == header);

    public static string? FrozenAt(WorksheetPart part) =>
        part.Worksheet.Descendants<Pane>().FirstOrDefault(p => p.State?.Value == PaneStateValues.Frozen)?.TopLeftCell?.Value;

    public static IEnumerable<string> MergedRanges(WorksheetPart part) =>
        part.Worksheet.Descendants<MergeCell>().Select(m => m.Reference!.Value!);

    public string? PrintTitles(uint sheetIndex) =>
        document.WorkbookPart!.Workbook.DefinedNames?.Elements<DefinedName>().FirstOrDefault(d => d.Name == "_xlnm.Print_Titles" && d.LocalSheetId?.Value == sheetIndex)?.Text;

    public void Dispose() => document.Dispose();
}
