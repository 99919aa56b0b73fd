using Sosei.Web.BrowserTests.Infrastructure;
using Sosei.Web.BrowserTests.PageObjects;

namespace Sosei.Web.BrowserTests;

/// <summary>The read side as a person checks it: the plan tree, a KPI page with its chart, the projects filter, the verification table.</summary>
[Collection(BrowserTestGroup.Name)]
public class PlanPagesBrowserTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private const string Abashiri = "abashiri-sosei-2015";
    private const string Nemuro = "nemuro-sosei-2015";

    [Fact]
    public async Task PlanTree_ShowsGoals_EraYears_And_RelistedItemsLinkingHome()
    {
        var tree = await new PlanTreePage(await app.NewPageAsync()).OpenAsync(Abashiri);

        Assert.Equal(5, await tree.GoalHeadings.CountAsync());
        Assert.StartsWith("基本目標1", (await tree.GoalHeadings.First.InnerTextAsync()).Trim(), StringComparison.Ordinal);
        Assert.True(await tree.GoalHeadings.First.IsVisibleAsync());
        Assert.Equal("平成30年度 (2018)", await tree.SelectedYearAsync());

        var employees = tree.Kpi("G1-N1");
        Assert.Contains("15,757人", await employees.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("98.5%", await employees.InnerTextAsync(), StringComparison.Ordinal);
        await BrowserApp.ScreenshotAsync(tree.Page, "plan-tree");

        // A relisted KPI is marked 再掲 and its link leads to its home node.
        var relisted = tree.Node("G3.3.1.1").Locator("tbody.relisted-kpi[data-kpi='G1.1.1.1-K1']");
        Assert.Equal("再掲", (await relisted.Locator(".tag.relisted").InnerTextAsync()).Trim());
        await relisted.Locator("a.home-link").ClickAsync();
        await tree.Page.WaitForURLAsync("**#node-G1.1.1.1");
        Assert.True(await tree.Node("G1.1.1.1").Locator("tbody[data-kpi='G1.1.1.1-K1']").IsVisibleAsync());

        // Choosing another year reloads the page for it.
        await tree.ChooseYearAsync(2016);
        Assert.Equal("平成28年度 (2016)", await tree.SelectedYearAsync());
    }

    [Fact]
    public async Task NemuroTree_RelistedProjectsAreMarked()
    {
        var tree = await new PlanTreePage(await app.NewPageAsync()).OpenAsync(Nemuro);

        await tree.OpenProjectsAsync("G2.B.1");
        var items = tree.RelistedProjects("G2.B.1");
        Assert.True(await items.First.IsVisibleAsync());
        Assert.Equal(3, await items.CountAsync());
        Assert.All(await items.Locator(".tag.relisted").AllInnerTextsAsync(), t => Assert.Equal("再掲", t.Trim()));
        Assert.Contains("5年で1.49とし0.12ポイント向上", await tree.Kpi("G1-N1").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("令和元年度 (2019)", await tree.SelectedYearAsync());
    }

    [Fact]
    public async Task KpiPage_ShowsChartAndValuesTableWithTheProvisionalValue()
    {
        var kpi = await new KpiPage(await app.NewPageAsync()).OpenAsync(Abashiri, "G5.3.1.1-K1");

        Assert.Contains("公共施設等の総面積の縮小", await kpi.Heading.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(1, await kpi.Charts.CountAsync());
        Assert.True(await kpi.Charts.First.IsVisibleAsync());
        // The actuals series is drawn: a path and its markers, the legend names it.
        Assert.True(await kpi.Charts.First.Locator("path[stroke='#1f5fa8']").CountAsync() >= 1);
        Assert.Contains("実績値", await kpi.Charts.First.Locator("text").AllTextContentsAsync());
        Assert.Equal("未確定 (313千㎡)", await kpi.ValueAsync("実績値", "平成30年度"));
        Assert.Equal("325千㎡", await kpi.ValueAsync("実績値", "平成29年度"));
        Assert.Equal("96.8%", (await kpi.Rate.InnerTextAsync()).Trim());
        await BrowserApp.ScreenshotAsync(kpi.Page, "kpi-page");
    }

    [Fact]
    public async Task ProjectsFilter_PrivateCategory_ShowsOnlyPrivateRows_AndTheCountUpdates()
    {
        var projects = await new ProjectsPage(await app.NewPageAsync()).OpenAsync(Nemuro);
        Assert.Equal("全100件中 100件", (await projects.Count.InnerTextAsync()).Trim());

        await projects.ChooseCategoryAsync("民間等");

        Assert.Equal("全100件中 18件", (await projects.Count.InnerTextAsync()).Trim());
        Assert.Equal(18, await projects.Rows.CountAsync());
        Assert.All(await projects.CategoriesAsync(), c => Assert.Equal("民間等", c));
        Assert.Contains("category=Private", projects.Page.Url, StringComparison.Ordinal);
        await BrowserApp.ScreenshotAsync(projects.Page, "projects-filter");

        // A node narrows it further (filters combine); the choice survives in the form.
        await projects.ChooseNodeAndFilterAsync("G2.A.3");
        Assert.Equal("民間等", (await projects.Page.Locator("select#category option:checked").InnerTextAsync()).Trim());
        Assert.All(await projects.CategoriesAsync(), c => Assert.Equal("民間等", c));
        Assert.True(await projects.Rows.CountAsync() is > 0 and < 18);
    }

    [Fact]
    public async Task Verification_CountsAndTheKpisBehindOne()
    {
        var verification = await new VerificationPage(await app.NewPageAsync()).OpenAsync(Abashiri, 2018);

        Assert.Equal(6, await verification.Rows.CountAsync());
        var totals = await verification.Counts(5).AllInnerTextsAsync();
        Assert.Equal("64", totals[^1].Trim());
        await BrowserApp.ScreenshotAsync(verification.Page, "verification");

        // 基本目標1, 各施策のKPI, 80%未満 (the 6th count of the first row).
        var cell = verification.Counts(0).Nth(5);
        var expected = int.Parse((await cell.InnerTextAsync()).Trim(), System.Globalization.CultureInfo.InvariantCulture);
        await cell.ClickAsync();
        await verification.Page.WaitForURLAsync("**grade=1#kpi-list");
        Assert.Equal(expected, await verification.ListedKpis.CountAsync());
        Assert.Contains("80%未満", await verification.ListHeading.InnerTextAsync(), StringComparison.Ordinal);
        Assert.All(await verification.ListedKpis.Locator(".badge:not(.trend):not(.forecast)").AllInnerTextsAsync(), b => Assert.Equal("80%未満", b.Trim()));
        await BrowserApp.ScreenshotAsync(verification.Page, "verification-list");
    }
}
