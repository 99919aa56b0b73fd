using System.Text.Json;
using AngleSharp.Dom;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.Extensions.DependencyInjection;
using Sosei.Application.Common;
using Sosei.Application.Reports;
using Sosei.Web.Tests.Infrastructure;

namespace Sosei.Web.Tests.Plans;

/// <summary>
/// One status model: the plan's grade, the trend since the baseline (改善 / 横ばい / 悪化) and the forecast, with the
/// same words and colours on the pages, in the PDF's HTML and in the xlsx.
/// </summary>
[Collection(PlanPagesGroup.Name)]
public class TrendStatusTests(SoseiWebFactory factory)
{
    private const string Abashiri = PlanPagesGroup.Abashiri;

    // 生活習慣病罹患率 (網走, decrease is better): 22.71% (H26) → 22.91% (H30), target 19.98%: 87.2%, 80%以上, yet worse.
    private const string Lifestyle = "G5-N3";

    [Fact]
    public async Task LifestyleDiseaseRate_WorseThanItsBaseline_KeepsThePlansGradeAndReadsDeteriorating()
    {
        var client = factory.CreateClient();

        var kpi = await Html.GetAsync(client, $"/plans/{Abashiri}/kpis/{Lifestyle}?year=2018");
        var achievement = kpi.QuerySelector("[aria-labelledby=achievement-title]")!;
        Assert.Equal("87.2%", achievement.QuerySelector(".rate-big")!.Squash());
        Assert.Equal("80%以上", achievement.QuerySelector(".grade-box .badge")!.Squash());
        var trend = achievement.QuerySelector(".trend-status .badge")!;
        Assert.Equal("悪化", trend.Squash());
        Assert.Contains("trend-Deteriorating", trend.ClassList);

        var plan = await Html.GetAsync(client, $"/plans/{Abashiri}?year=2018");
        var row = plan.QuerySelector($"tbody[data-kpi='{Lifestyle}']")!;
        Assert.Equal("80%以上", row.QuerySelector(".badge")!.Squash());
        Assert.Equal("悪化", row.QuerySelector("td.trend")!.Squash());

        var verification = await Html.GetAsync(client, $"/plans/{Abashiri}/verification?year=2018");
        var line = verification.QuerySelector($"tr[data-kpi='{Lifestyle}']")!;
        Assert.Equal("悪化", line.QuerySelector("td.trend")!.Squash());

        var en = await Html.GetAsync(client, $"/plans/{Abashiri}/kpis/{Lifestyle}?year=2018&culture=en");
        Assert.Equal("Deteriorating", en.QuerySelector(".trend-status .badge")!.Squash());

        using var api = JsonDocument.Parse(await client.GetStringAsync(new Uri($"/api/plans/{Abashiri}/kpis?year=2018", UriKind.Relative)));
        var item = api.RootElement.GetProperty("kpis").EnumerateArray().Single(k => k.GetProperty("code").GetString() == Lifestyle);
        Assert.Equal("deteriorating", item.GetProperty("trend").GetString(), ignoreCase: true);
    }

    [Fact]
    public async Task ForecastSentence_IsOneShortSentence_InJapaneseAndEnglish()
    {
        var client = factory.CreateClient();

        var ja = (await Html.GetAsync(client, $"/plans/{Abashiri}/kpis/{Lifestyle}?year=2018")).QuerySelector(".forecast-sentence")!.Squash();
        var en = (await Html.GetAsync(client, $"/plans/{Abashiri}/kpis/{Lifestyle}?year=2018&culture=en")).QuerySelector(".forecast-sentence")!.Squash();

        // 22.71% (H26) → 22.91% (H30): the trend goes the wrong way, so the target year 令和元年度 moves further off.
        Assert.Equal("このままでは令和元年度に向けて目標から遠ざかる見込みです。", ja);
        Assert.Equal("At this pace the value moves away from the target by FY2019.", en);
        Assert.DoesNotContain(";", ja, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VerificationReport_XlsxAndPdfHtml_UseThePagesWordsAndColours()
    {
        var client = factory.CreateClient();
        var page = await Html.GetAsync(client, $"/plans/{Abashiri}/verification?year=2018");
        var css = await client.GetStringAsync(new Uri("/css/status.css", UriKind.Relative));
        Assert.Equal(StatusColors.Css(), css.ReplaceLineEndings("\n"));

        ReportDocument document;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            document = (await scope.ServiceProvider.GetRequiredService<ReportService>().BuildAsync(Abashiri, ReportKind.Verification, 2018))!;
        }

        var html = await Html.ParseAsync(ReportHtml.Render(document));
        Assert.Contains(StatusColors.Css(), html.QuerySelector("style")!.TextContent, StringComparison.Ordinal);
        var bytes = await client.GetByteArrayAsync(new Uri($"/plans/{Abashiri}/reports/verification.xlsx?year=2018", UriKind.Relative));
        using var xlsx = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        var sheet = Sheet(xlsx, "KPI一覧");

        var compared = 0;
        foreach (var line in page.QuerySelectorAll("tr[data-kpi]"))
        {
            var name = line.QuerySelectorAll("td")[1].Squash();
            var onPage = new[] { line.QuerySelector(".badge")!, line.QuerySelector("td.trend .badge")!, line.QuerySelector("td.forecast .badge")! };
            var htmlRow = html.QuerySelectorAll("tr").FirstOrDefault(r => r.QuerySelectorAll("td").Length > 4 && r.QuerySelectorAll("td")[3].Squash() == name);
            if (htmlRow is null)
            {
                continue;
            }

            var htmlCells = htmlRow.QuerySelectorAll("td.grade").ToList();
            // 評価（計算）, 評価（最終）, 推移, 見通し.
            var inReport = new[] { htmlCells[1], htmlCells[2], htmlCells[3] };
            for (var i = 0; i < 3; i++)
            {
                Assert.Equal(onPage[i].Squash(), inReport[i].Squash());
                Assert.Equal(StatusClass(onPage[i]), StatusClass(inReport[i]));
            }

            var xlsxRow = RowOf(xlsx, sheet, name);
            var fills = xlsxRow.Skip(xlsxRow.Count - 5).Take(4).ToList();
            for (var i = 0; i < 3; i++)
            {
                Assert.Equal(onPage[i].Squash(), fills[i + 1].Text);
                Assert.Equal(StatusColors.Of(StatusClass(onPage[i]))!.Fill, fills[i + 1].Fill);
            }

            compared++;
        }

        Assert.True(compared > 40, $"only {compared} KPIs compared");
    }

    private static string StatusClass(IElement element) =>
        element.ClassList.Single(c => StatusColors.Table.Any(t => t.Class == c));

    private static WorksheetPart Sheet(SpreadsheetDocument xlsx, string name)
    {
        var sheet = xlsx.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == name);
        return (WorksheetPart)xlsx.WorkbookPart.GetPartById(sheet.Id!);
    }

    private static List<(string Text, string? Fill)> RowOf(SpreadsheetDocument xlsx, WorksheetPart sheet, string name)
    {
        var shared = xlsx.WorkbookPart!.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(i => i.InnerText).ToList() ?? [];
        var styles = xlsx.WorkbookPart.WorkbookStylesPart!.Stylesheet;
        var fills = styles.Fills!.Elements<Fill>().ToList();
        string TextOf(Cell c) => c.DataType?.Value == CellValues.InlineString ? c.InlineString!.InnerText
            : c.DataType?.Value == CellValues.SharedString ? shared[int.Parse(c.CellValue!.Text, System.Globalization.CultureInfo.InvariantCulture)]
            : c.CellValue?.Text ?? "";
        string? FillOf(Cell c)
        {
            var format = styles.CellFormats!.Elements<CellFormat>().ElementAt((int)(c.StyleIndex?.Value ?? 0));
            var rgb = fills[(int)(format.FillId?.Value ?? 0)].PatternFill?.ForegroundColor?.Rgb?.Value;
            return rgb is { Length: 8 } ? rgb[2..] : null;
        }

        var row = sheet.Worksheet.Descendants<Row>().First(r => r.Elements<Cell>().Any(c => TextOf(c) == name));
        return row.Elements<Cell>().Select(c => (TextOf(c), FillOf(c))).ToList();
    }
}
