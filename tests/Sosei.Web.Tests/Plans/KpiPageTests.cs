using System.Net;
using Sosei.Web.Tests.Infrastructure;

namespace Sosei.Web.Tests.Plans;

/// <summary>The KPI page (/plans/{plan}/kpis/{kpiCode}): definition, values by year, chart, achievement, forecast.</summary>
[Collection(PlanPagesGroup.Name)]
public class KpiPageTests(SoseiWebFactory factory)
{
    private const string Abashiri = PlanPagesGroup.Abashiri;
    private const string Nemuro = PlanPagesGroup.Nemuro;

    [Fact]
    public async Task PublicFacilitiesArea_ShowsTheProvisionalValueAsWrittenAndTheDecreaseRatio()
    {
        // 公共施設等の総面積の縮小 (seed 001): 319千㎡ (H26) → 303千㎡ (H31), H30 「未確定 (313千㎡)」; lower is better.
        var doc = await Html.GetAsync(factory.CreateClient(), $"/plans/{Abashiri}/kpis/G5.3.1.1-K1?year=2018");

        Assert.Contains("公共施設等の総面積の縮小", doc.QuerySelector("h1")!.Squash(), StringComparison.Ordinal);
        var table = doc.QuerySelector("#values-table")!;
        // Columns: 和暦 with 西暦 below; baseline and target with their periods.
        var heads = table.QuerySelectorAll("thead th").Select(h => string.Join('|', h.ChildNodes.Select(n => n.TextContent.Trim()).Where(t => t.Length > 0))).ToList();
        Assert.Equal(["項目", "基準値|H26", "平成27年度|2015", "平成28年度|2016", "平成29年度|2017", "平成30年度|2018", "目標値|R1"], heads);
        var cells = table.QuerySelectorAll("tbody td").ToList();
        // td: 基準値, H27, H28, H29, H30, 目標値.
        Assert.Equal("319千㎡", cells[0].Squash());
        Assert.Equal("325千㎡", cells[3].Squash());
        Assert.Equal("未確定 (313千㎡)", cells[4].Squash());
        Assert.NotNull(cells[4].QuerySelector(".tag.provisional"));
        Assert.Equal("数値: 313,000㎡", cells[4].QuerySelector(".value")!.GetAttribute("title"));
        Assert.Equal("303千㎡", cells[5].Squash());

        var facts = doc.QuerySelector("[aria-labelledby=definition-title]")!.Squash();
        Assert.Contains("減少（少ないほど良い）", facts, StringComparison.Ordinal);
        Assert.Contains("目標年の水準", facts, StringComparison.Ordinal);
        Assert.Contains("319千㎡ 平成26年度 (2014)", facts, StringComparison.Ordinal);
        Assert.Contains("303千㎡ 令和元年度 (2019)", facts, StringComparison.Ordinal);
        Assert.Contains("財政課", facts, StringComparison.Ordinal);
        Assert.Contains("固定資産台帳", facts, StringComparison.Ordinal);

        // 303 ÷ 313 = 96.8% on the provisional value, marked as such.
        var achievement = doc.QuerySelector("[aria-labelledby=achievement-title]")!;
        Assert.Equal("96.8%", achievement.QuerySelector(".rate-big")!.Squash());
        Assert.Contains("目標値に対する比率", achievement.Squash(), StringComparison.Ordinal);
        Assert.Contains("303,000㎡ ÷ 313,000㎡ = 96.8%", achievement.Squash(), StringComparison.Ordinal);
        Assert.NotNull(achievement.QuerySelector(".grade-box .tag.provisional"));
        Assert.Contains("遅れ", achievement.QuerySelector(".forecast")!.Squash(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Kpi_ChartIsServerSideSvgWithActualsBaselineAndTarget()
    {
        var doc = await Html.GetAsync(factory.CreateClient(), $"/plans/{Abashiri}/kpis/G5.3.1.1-K1");

        var svg = doc.QuerySelector("figure.chart svg.line-chart")!;
        Assert.Equal("img", svg.GetAttribute("role"));
        var legend = svg.QuerySelectorAll("text").Select(t => t.TextContent).ToList();
        Assert.Contains("実績値", legend);
        Assert.Contains("基準値", legend);
        Assert.Contains("目標値", legend);
        Assert.Contains("目標への直線", legend);
        Assert.Contains("H27 (2015)", legend);
        // The provisional H30 value is a hollow marker with its text as tooltip.
        var h30 = svg.QuerySelectorAll("g").Single(g => g.QuerySelector("title")?.TextContent == "H30: 未確定 (313千㎡)");
        Assert.Equal("#ffffff", h30.QuerySelector("circle")!.GetAttribute("fill"));
    }

    [Fact]
    public async Task Kpi_ReferenceValuesAreMarked()
    {
        // 合計特殊出生率 (網走市): H27 「(1.64)」 and H28 「(1.48)」 are 参考値.
        var doc = await Html.GetAsync(factory.CreateClient(), $"/plans/{Abashiri}/kpis/G3-N1");

        var cells = doc.QuerySelectorAll("#values-table tbody td").ToList();
        Assert.Equal("(1.64) 参考値", cells[1].Squash());
        Assert.Equal("1.60", cells[3].Squash());
        Assert.Null(cells[3].QuerySelector(".tag"));
    }

    [Fact]
    public async Task BirthRate_IsCountedByCalendarYear_AndSaysSo()
    {
        // 合計特殊出生率 (網走市): 人口動態統計, by calendar year (data/demo/README.md); H27 is 平成27年 (2015).
        var doc = await Html.GetAsync(factory.CreateClient(), $"/plans/{Abashiri}/kpis/G3-N1?year=2018");

        var heads = doc.QuerySelectorAll("#values-table thead th").Select(h => string.Join('|', h.ChildNodes.Select(n => n.TextContent.Trim()).Where(t => t.Length > 0))).ToList();
        Assert.Contains("平成27年|2015", heads);
        Assert.DoesNotContain("平成27年度|2015", heads);
        Assert.Contains("年の種類暦年（1月～12月）", doc.QuerySelector("[aria-labelledby=definition-title]")!.Squash(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Kpi_WithSeries_HasOneRowAndOneChartPerSeries()
    {
        // 全国体力調査の全国平均点との差: 小5男子 / 小5女子 / 中2男子 / 中2女子, target 全国平均.
        var doc = await Html.GetAsync(factory.CreateClient(), $"/plans/{Abashiri}/kpis/G4-N2?year=2018");

        Assert.Equal(["小5男子", "小5女子", "中2男子", "中2女子"], doc.QuerySelectorAll("#values-table tbody th").Select(t => t.Squash()));
        Assert.Equal(4, doc.QuerySelectorAll("figure.chart svg").Length);
        Assert.Equal(4, doc.QuerySelectorAll("svg title[id^=chart-title-]").Select(t => t.Id).Distinct().Count());
        Assert.Contains("全国平均", doc.QuerySelector("[aria-labelledby=definition-title]")!.Squash(), StringComparison.Ordinal);
        Assert.Equal(4, doc.QuerySelectorAll(".series-results tbody tr").Length);
        Assert.Contains("いずれかの系列", doc.QuerySelector("[aria-labelledby=achievement-title]")!.Squash(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Kpi_ShowsWhereItIsRelistedAndItsProjects()
    {
        var client = factory.CreateClient();

        var relisted = await Html.GetAsync(client, $"/plans/{Abashiri}/kpis/G1.1.1.1-K1");
        var link = relisted.QuerySelector("[aria-labelledby=relisted-title] a")!;
        Assert.EndsWith("#node-G3.3.1.1", link.GetAttribute("href"), StringComparison.Ordinal);

        // 人口の維持 is served by the CCRC grant project (P001).
        var population = await Html.GetAsync(client, $"/plans/{Abashiri}/kpis/G5-N2");
        Assert.Contains("網走市生涯活躍のまち(CCRC)構築推進事業", population.QuerySelector("[aria-labelledby=projects-title]")!.Squash(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AChangeTarget_ReadsAsTheDocumentWritesIt_AndInWordsInTheEnglishUi()
    {
        // 根室市 「5年で延べ1,400世帯増加」.
        var ja = await Html.GetAsync(factory.CreateClient(), $"/plans/{Nemuro}/kpis/G1.A.2-K1");
        var en = await Html.GetAsync(factory.CreateClient(), $"/plans/{Nemuro}/kpis/G1.A.2-K1?culture=en");

        Assert.Contains("1,400世帯増加", ja.QuerySelector("[aria-labelledby=definition-title]")!.Squash(), StringComparison.Ordinal);
        var english = en.QuerySelector("[aria-labelledby=definition-title]")!.Squash();
        Assert.Contains("an increase of 1,400世帯", english, StringComparison.Ordinal);
        Assert.DoesNotContain("1,400世帯増加", english.Replace("「5年で延べ1,400世帯増加」", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public async Task NemuroKpi_ShowsThePhraseTheTargetReadFromItAndNoActuals()
    {
        var doc = await Html.GetAsync(factory.CreateClient(), $"/plans/{Nemuro}/kpis/G1-N1");

        var facts = doc.QuerySelector("[aria-labelledby=definition-title]")!.Squash();
        Assert.Contains("「5年で1.49とし0.12ポイント向上」", facts, StringComparison.Ordinal);
        Assert.Contains("1.49", facts, StringComparison.Ordinal);
        Assert.Contains("1.37", facts, StringComparison.Ordinal);
        Assert.NotNull(doc.QuerySelector("[aria-labelledby=values-title] .empty"));
        Assert.Equal("—", doc.QuerySelector(".rate-big")!.Squash());
    }

    [Theory]
    [InlineData("/plans/abashiri-sosei-2015/kpis/NO-SUCH-KPI")]
    [InlineData("/plans/no-such-plan/kpis/G1-N1")]
    [InlineData("/plans/nemuro-sosei-2015/kpis/G5.3.1.1-K1")]
    public async Task KpiPage_UnknownPlanOrKpiOrAKpiOfAnotherPlan_Is404(string url)
    {
        var response = await factory.CreateClient().GetAsync(new Uri(url, UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
