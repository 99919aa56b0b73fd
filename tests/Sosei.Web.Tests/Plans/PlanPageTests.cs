using System.Net;
using Sosei.Web.Tests.Infrastructure;

namespace Sosei.Web.Tests.Plans;

/// <summary>The plan page (/plans/{plan}): header, year, tree with the plan's own level names, KPIs, projects, 再掲.</summary>
[Collection(PlanPagesGroup.Name)]
public class PlanPageTests(SoseiWebFactory factory)
{
    private const string Abashiri = PlanPagesGroup.Abashiri;
    private const string Nemuro = PlanPagesGroup.Nemuro;

    [Fact]
    public async Task AbashiriPlan_ShowsGoalsLevelsAndTheEmployeesKpiWithItsLatestValueAndRate()
    {
        var doc = await Html.GetAsync(factory.CreateClient(), $"/plans/{Abashiri}");

        Assert.Equal("網走市まち・ひと・しごと創生総合戦略（第1期）", doc.QuerySelector("h1")!.Squash());
        var goals = doc.QuerySelectorAll("section.goal .node-head h2").Select(h => h.Squash()).ToList();
        Assert.Equal(5, goals.Count);
        for (var i = 1; i <= 5; i++)
        {
            Assert.StartsWith($"基本目標{i} ", goals[i - 1], StringComparison.Ordinal);
        }

        // The plan's own level names as small tags.
        var levels = doc.QuerySelectorAll(".node-level").Select(e => e.Squash()).Distinct().ToList();
        Assert.Equal(["基本目標", "基本方針", "基本的な方向性", "具体的な施策"], levels);

        // 市内事業所の従業員数: 15,757人 (H28, the 経済センサス year) ÷ 16,000人 = 98.5% (seed 001).
        var row = doc.QuerySelector("tbody[data-kpi='G1-N1']")!;
        Assert.Contains("市内事業所の従業員数", row.Squash(), StringComparison.Ordinal);
        Assert.Contains("15,757人", row.Squash(), StringComparison.Ordinal);
        Assert.Equal("H28", row.QuerySelector(".period[title]")!.Squash());
        Assert.Equal("15,757人 · 平成28年度 (2016)", row.QuerySelector(".value")!.GetAttribute("title"));
        var rate = row.QuerySelector(".rate")!;
        Assert.Equal("98.5%", rate.Squash());
        Assert.StartsWith("目標値に対する比率", rate.GetAttribute("title"), StringComparison.Ordinal);
        Assert.Equal("80%以上", row.QuerySelector(".badge")!.Squash());
        Assert.Contains("商工労働課", row.Squash(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AbashiriPlan_DefaultYearIsTheLatestWithData_AndTheSelectorOffersThePlanYears()
    {
        var doc = await Html.GetAsync(factory.CreateClient(), $"/plans/{Abashiri}");

        var options = doc.QuerySelectorAll("select#year option").ToList();
        Assert.Equal(["2015", "2016", "2017", "2018", "2019"], options.Select(o => o.GetAttribute("value")));
        Assert.Equal("2018", options.Single(o => o.HasAttribute("selected")).GetAttribute("value"));
        Assert.Equal("平成30年度 (2018)", options.Single(o => o.HasAttribute("selected")).Squash());
        Assert.Contains("（実績なし）", options.Single(o => o.GetAttribute("value") == "2019").Squash(), StringComparison.Ordinal);
        Assert.Contains("平成27年度～令和元年度 (2015–2019)", doc.QuerySelector(".plan-meta")!.Squash(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AbashiriPlan_ForAnEarlierYear_UsesTheValuesUpToThatYear()
    {
        var doc = await Html.GetAsync(factory.CreateClient(), $"/plans/{Abashiri}?year=2015");

        // No 経済センサス value before H28: no actual, no rate, grade —.
        var row = doc.QuerySelector("tbody[data-kpi='G1-N1']")!;
        Assert.DoesNotContain("15,757人", row.Squash(), StringComparison.Ordinal);
        Assert.Equal("—", row.QuerySelector(".badge")!.Squash());
        Assert.Equal("2015", doc.QuerySelector("select#year option[selected]")!.GetAttribute("value"));
        // Links keep the chosen year.
        Assert.Equal($"/plans/{Abashiri}/kpis/G1-N1?year=2015", row.QuerySelector("td.name a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task AbashiriPlan_SeriesKpi_ShowsOneLinePerSeries()
    {
        var doc = await Html.GetAsync(factory.CreateClient(), $"/plans/{Abashiri}?year=2018");

        // HACCP認定施設保有企業数 ・ホタテ製品 ・サケ製品 (sub-items in one row of the 進捗管理表).
        var kpi = doc.QuerySelector("tbody[data-kpi='G1.1.2.1-K1']")!;
        var lines = kpi.QuerySelectorAll("tr").ToList();
        Assert.Equal(2, lines.Count);
        Assert.Equal("ホタテ製品", lines[0].QuerySelector(".series-name")!.Squash());
        Assert.Contains("4社", lines[0].Squash(), StringComparison.Ordinal);
        Assert.Equal("サケ製品", lines[1].QuerySelector(".series-name")!.Squash());
        Assert.Contains("3社", lines[1].Squash(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AbashiriPlan_RelistedKpi_IsMarkedAndLinksToItsHome()
    {
        var doc = await Html.GetAsync(factory.CreateClient(), $"/plans/{Abashiri}");

        // 食品製造業の付加価値率 belongs to G1.1.1.1 and is relisted at G3.3.1.1.
        var relisted = doc.QuerySelector("[id='node-G3.3.1.1'] tbody.relisted-kpi[data-kpi='G1.1.1.1-K1']")!;
        Assert.Contains("食品製造業の付加価値率(再掲)", relisted.Squash(), StringComparison.Ordinal);
        Assert.Equal("再掲", relisted.QuerySelector(".tag.relisted")!.Squash());
        Assert.EndsWith("#node-G1.1.1.1", relisted.QuerySelector("a.home-link")!.GetAttribute("href"), StringComparison.Ordinal);
        Assert.Equal(8, doc.QuerySelectorAll("tbody.relisted-kpi").Length);
        // At home it is not marked.
        Assert.Null(doc.QuerySelector("[id='node-G1.1.1.1'] tbody[data-kpi='G1.1.1.1-K1'] .tag.relisted"));
    }

    [Fact]
    public async Task NemuroPlan_ShowsTheHeaderAndTheTargetPhrasesAsWritten()
    {
        var doc = await Html.GetAsync(factory.CreateClient(), $"/plans/{Nemuro}");

        Assert.Equal("根室市創生総合戦略", doc.QuerySelector("h1")!.Squash());
        Assert.Contains("子どもたちに誇れる まち・ひと・しごと", doc.QuerySelector(".plan-subtitle")!.Squash(), StringComparison.Ordinal);
        var meta = doc.QuerySelectorAll(".plan-meta div").ToDictionary(d => d.QuerySelector("dt")!.Squash(), d => d.QuerySelector("dd")!.Squash());
        Assert.Equal("平成27年度～令和元年度 (2015–2019)", meta["対象期間"]);
        Assert.Equal("平成27年10月30日 (2015)", meta["策定"]);
        Assert.Equal("平成29年11月22日 (2017)", meta["改訂"]);
        Assert.Equal("総合政策部", meta["事務局"]);

        var tfr = doc.QuerySelector("tbody[data-kpi='G1-N1']")!;
        Assert.Contains("合計特殊出生率", tfr.Squash(), StringComparison.Ordinal);
        Assert.Contains("5年で1.49とし0.12ポイント向上", tfr.Squash(), StringComparison.Ordinal);
        Assert.Equal("数値目標", tfr.Closest("table")!.QuerySelector("caption")!.Squash());

        // No actuals: the default year is the current fiscal year limited to the plan (R1), and a notice says so.
        Assert.Equal("2019", doc.QuerySelector("select#year option[selected]")!.GetAttribute("value"));
        Assert.NotNull(doc.QuerySelector(".notice"));
        Assert.Equal(["基本目標", "施策", "具体的な施策"], doc.QuerySelectorAll(".node-level").Select(e => e.Squash()).Distinct());
        // The labels as the document writes them: 基本目標-1 > （ア） > ①.
        Assert.Equal(
            ["基本目標-1", "（ア）", "①"],
            new[] { "G1", "G1.A", "G1.A.1" }.Select(c => doc.QuerySelector($"[id='node-{c}'] > .node-head .node-label")!.Squash()));
    }

    [Fact]
    public async Task NemuroPlan_MarksRelistedProjectsAndTheRelistedGoalKpi()
    {
        var doc = await Html.GetAsync(factory.CreateClient(), $"/plans/{Nemuro}");

        // 11 project relistings and 1 KPI relisting (基本目標-3 数値目標③ 20～39歳女性人口 = G2-N1).
        Assert.Equal(11, doc.QuerySelectorAll("li.relisted-project").Length);
        var women = doc.QuerySelector("[id='node-G3'] tbody.relisted-kpi[data-kpi='G2-N1']")!;
        Assert.Contains("20～39歳女性人口", women.Squash(), StringComparison.Ordinal);
        Assert.EndsWith("#node-G2", women.QuerySelector("a.home-link")!.GetAttribute("href"), StringComparison.Ordinal);

        // 人材確保対策事業（再掲） at G2.A.2 with the wording of that place, linking to its home.
        var item = doc.QuerySelectorAll("[id='node-G2.A.2'] li.relisted-project").Single(li => li.Squash().Contains("人材確保対策事業", StringComparison.Ordinal));
        Assert.Contains("UIターン就業者に対する住宅費助成", item.Squash(), StringComparison.Ordinal);
        Assert.StartsWith($"/plans/{Nemuro}#node-", item.QuerySelector("a.home-link")!.GetAttribute("href"), StringComparison.Ordinal);

        // Projects with their 区分 and running bodies.
        var jfc = doc.QuerySelectorAll("li").First(li => li.Squash().Contains("UIJターン創業者への利率低減事業", StringComparison.Ordinal));
        Assert.Equal("民間等", jfc.QuerySelector(".tag.cat-Private")!.Squash());
        Assert.Contains("事業主体: 日本政策金融公庫", jfc.Squash(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PlanPage_InEnglish_UsesTheEnglishTexts()
    {
        var doc = await Html.GetAsync(factory.CreateClient(), $"/plans/{Abashiri}?culture=en");

        Assert.Equal("en", doc.DocumentElement.GetAttribute("lang"));
        Assert.Equal("Structure & KPIs", doc.QuerySelector(".plan-tabs a[aria-current=page]")!.Squash());
        Assert.Equal("FY2018 (H30)", doc.QuerySelector("select#year option[selected]")!.Squash());
        Assert.Equal("Numerical target", doc.QuerySelector("[id='node-G1'] caption")!.Squash());
        Assert.Contains("FY2015–FY2019", doc.QuerySelector(".plan-meta")!.Squash(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/plans/no-such-plan")]
    [InlineData("/plans/abashiri-sosei-2015?year=99999")]
    public async Task PlanPage_UnknownPlanOrImpossibleYear_Is404(string url)
    {
        var response = await factory.CreateClient().GetAsync(new Uri(url, UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("ページが見つかりません", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
