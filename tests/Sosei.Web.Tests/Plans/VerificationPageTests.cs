using System.Net;
using Sosei.Web.Tests.Infrastructure;

namespace Sosei.Web.Tests.Plans;

/// <summary>The verification page (/plans/{plan}/verification): the published summary table and the KPIs behind each count.</summary>
[Collection(PlanPagesGroup.Name)]
public class VerificationPageTests(SoseiWebFactory factory)
{
    private const string Abashiri = PlanPagesGroup.Abashiri;
    private const string Nemuro = PlanPagesGroup.Nemuro;

    private static int Count(AngleSharp.Dom.IElement cell) => int.Parse(cell.Squash(), System.Globalization.CultureInfo.InvariantCulture);

    [Theory]
    [InlineData(Abashiri, 2015, 64, 5)]
    [InlineData(Abashiri, 2018, 64, 5)]
    [InlineData(Nemuro, 2019, 50, 3)]
    public async Task Totals_EqualTheNumberOfKpis_EachCountedOnce(string plan, int year, int kpis, int goals)
    {
        var doc = await Html.GetAsync(factory.CreateClient(), $"/plans/{plan}/verification?year={year}");

        var rows = doc.QuerySelectorAll("table.verification-table tbody tr").ToList();
        Assert.Equal(goals + 1, rows.Count);
        var total = rows[^1];
        Assert.Equal("合計", total.QuerySelector("th")!.Squash());
        // Columns: 3 groups (基本目標 / 各施策のKPI / 全KPI) × (80%以上, 80%未満, —, 計).
        var cells = total.QuerySelectorAll("td").ToList();
        Assert.Equal(12, cells.Count);
        Assert.Equal(kpis, Count(cells[^1]));
        Assert.Equal(kpis, Count(cells[3]) + Count(cells[7]));
        Assert.Equal(Count(cells[^1]), cells.Skip(8).Take(3).Sum(Count));
        // Goal rows add up to the totals in every column.
        for (var c = 0; c < cells.Count; c++)
        {
            Assert.Equal(Count(cells[c]), rows.Take(goals).Sum(r => Count(r.QuerySelectorAll("td")[c])));
        }
    }

    [Fact]
    public async Task Abashiri2018_ShowsTheGradeColumnsOfThePlanScale()
    {
        var doc = await Html.GetAsync(factory.CreateClient(), $"/plans/{Abashiri}/verification?year=2018");

        var groups = doc.QuerySelectorAll("table.verification-table thead tr:first-child th.group-head").Select(h => h.Squash());
        Assert.Equal(["基本目標（数値目標）", "各施策のKPI", "全KPI"], groups);
        var bands = doc.QuerySelectorAll("table.verification-table thead tr:nth-child(2) th").Take(4).Select(h => h.Squash());
        Assert.Equal(["80%以上", "80%未満", "—", "計"], bands);
        var first = doc.QuerySelectorAll("table.verification-table tbody tr")[0];
        Assert.StartsWith("基本目標1 若い世代を中心として", first.QuerySelector("th")!.Squash(), StringComparison.Ordinal);
        Assert.Contains("再掲のKPIは所属先でのみ数えます", doc.QuerySelector(".notes")!.Squash(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task EveryCount_LinksToTheListOfThatManyKpis()
    {
        var client = factory.CreateClient();
        var doc = await Html.GetAsync(client, $"/plans/{Abashiri}/verification?year=2018");

        var links = doc.QuerySelectorAll("table.verification-table td.count a").ToList();
        Assert.Equal(6 * 12, links.Count);
        // The goal rows of the 全KPI group and the totals row: every count opens a list with exactly that many KPIs.
        foreach (var a in links.Where(a => a.GetAttribute("href")!.Contains("group=all", StringComparison.Ordinal)))
        {
            var list = await Html.GetAsync(client, a.GetAttribute("href")!);
            Assert.Equal(int.Parse(a.Squash(), System.Globalization.CultureInfo.InvariantCulture), list.QuerySelectorAll("#kpi-list tbody tr").Length);
            Assert.NotNull(list.QuerySelector("td.count.selected"));
        }
    }

    [Fact]
    public async Task OneCount_ListsItsKpisWithRateGradeAndLatestValue()
    {
        var doc = await Html.GetAsync(factory.CreateClient(), $"/plans/{Abashiri}/verification?year=2018&goal=G1&group=measure&grade=1");

        var rows = doc.QuerySelectorAll("#kpi-list tbody tr").ToList();
        var cell = doc.QuerySelector("td.count.selected a")!;
        Assert.Equal(int.Parse(cell.Squash(), System.Globalization.CultureInfo.InvariantCulture), rows.Count);
        Assert.All(rows, r => Assert.Equal("80%未満", r.QuerySelector(".badge")!.Squash()));
        Assert.All(rows, r => Assert.Equal("施策のKPI", r.QuerySelector(".level-cell")!.Squash()));
        var centre = rows.Single(r => r.GetAttribute("data-kpi") == "G1.1.1.3-K1").Squash();
        Assert.Contains("1,006人", centre, StringComparison.Ordinal);
        Assert.Contains("11.2%", centre, StringComparison.Ordinal);
        Assert.Contains("基本目標1 · 各施策のKPI · 80%未満", doc.QuerySelector("#kpi-list-title")!.Squash(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Abashiri2018_ShowsTheCitysPublishedTableBesideSoseis_EveryFigureAgreeingWithTheCitysOverrides()
    {
        var doc = await Html.GetAsync(factory.CreateClient(), $"/plans/{Abashiri}/verification?year=2018");

        var section = doc.QuerySelector("#published-judgement")!;
        Assert.Contains("公表された評価との照合", section.Squash(), StringComparison.Ordinal);
        // Per 基本目標 and the totals, two tables in the document's layout: 全KPI / 基本目標 / 各施策のKPI × 80%以上 / 80%未満 / 合計.
        var tables = section.QuerySelectorAll("table.judgement-table").ToList();
        Assert.Equal(12, tables.Count);
        var published = tables[0];
        Assert.Equal("published", published.GetAttribute("data-side"));
        Assert.Equal(["全KPI", "基本目標", "各施策のKPI"], published.QuerySelectorAll("thead th").Select(h => h.Squash()));
        Assert.Equal(["80%以上", "80%未満", "合計"], published.QuerySelectorAll("tbody th").Select(h => h.Squash()));
        string Cell(AngleSharp.Dom.IElement table, string column, string line) =>
            table.QuerySelector($"td[data-column='{column}'][data-line='{line}']")!.Squash();

        // 基本目標1 agrees now that the plan grades sub-items as the city does (HACCP by ホタテ製品): 10 / 8 of 18 (施策 9 / 8).
        Assert.Equal(("10", "8", "18", "9"), (Cell(published, "All", "Reached"), Cell(published, "All", "Below"), Cell(published, "All", "Total"), Cell(published, "Measure", "Reached")));
        Assert.Equal(("10", "8", "18", "9"), (Cell(tables[1], "All", "Reached"), Cell(tables[1], "All", "Below"), Cell(tables[1], "All", "Total"), Cell(tables[1], "Measure", "Reached")));
        Assert.Empty(published.QuerySelectorAll("td.differs"));

        // 基本目標3: the city counts 6 / 1 of 7 (施策 5 / 1); Sosei too, with the city's judgement of 病後児保育 (judged on its
        // planned outcome, 「※31年度稼働予定」) recorded as a grade override (computed: 5 / 2, 施策 4 / 2).
        Assert.Equal(("6", "1", "7", "5"), (Cell(tables[4], "All", "Reached"), Cell(tables[4], "All", "Below"), Cell(tables[4], "All", "Total"), Cell(tables[4], "Measure", "Reached")));
        Assert.Equal(("6", "1", "7", "5"), (Cell(tables[5], "All", "Reached"), Cell(tables[5], "All", "Below"), Cell(tables[5], "All", "Total"), Cell(tables[5], "Measure", "Reached")));

        // Every figure agrees (全国学力 of 基本目標4 is the other override); the totals: 41 of 64 on both sides.
        Assert.Empty(section.QuerySelectorAll("td.differs"));
        Assert.Equal(("41", "64"), (Cell(tables[10], "All", "Reached"), Cell(tables[10], "All", "Total")));
        Assert.Equal(("41", "64"), (Cell(tables[11], "All", "Reached"), Cell(tables[11], "All", "Total")));
        Assert.Contains("個々のKPIの評価は公表されていません", section.Squash(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verification_NamesThePlansGradingRules_InJapaneseAndEnglish()
    {
        var ja = await Html.GetAsync(factory.CreateClient(), $"/plans/{Abashiri}/verification?year=2018");
        var en = await Html.GetAsync(factory.CreateClient(), $"/plans/{Abashiri}/verification?year=2018&culture=en");

        Assert.Equal(
            ["評価に使う実績", "評価区分の境界", "項目のあるKPIの評価", "全国平均との差の評価"],
            ja.QuerySelectorAll("dl.grading-rules dt").Select(d => d.Squash()));
        Assert.Equal(
            ["その年度までの最新の実績値", "境界値を含む（以上）", "いずれかの系列（最も高い系列の達成率で評価）", "全国平均に達したか（達成・未達成）"],
            ja.QuerySelectorAll("dl.grading-rules dd").Select(d => d.Squash()));
        Assert.Contains("Reached the national average or not", en.QuerySelector("dl.grading-rules")!.Squash(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task YearWithoutPublishedJudgement_HasNoComparison()
    {
        var doc = await Html.GetAsync(factory.CreateClient(), $"/plans/{Abashiri}/verification?year=2017");

        Assert.Null(doc.QuerySelector("#published-judgement"));
    }

    [Fact]
    public async Task PublishedJudgement_InEnglish_HasEnglishLabels()
    {
        var doc = await Html.GetAsync(factory.CreateClient(), $"/plans/{Abashiri}/verification?year=2018&culture=en");

        var section = doc.QuerySelector("#published-judgement")!;
        Assert.Contains("Published judgement compared", section.Squash(), StringComparison.Ordinal);
        Assert.Equal(["80% or more", "Below 80%", "Total"], section.QuerySelector("table.judgement-table")!.QuerySelectorAll("tbody th").Select(h => h.Squash()));
    }

    [Fact]
    public async Task VerificationPage_UnknownPlan_Is404()
    {
        var response = await factory.CreateClient().GetAsync(new Uri("/plans/no-such-plan/verification", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
