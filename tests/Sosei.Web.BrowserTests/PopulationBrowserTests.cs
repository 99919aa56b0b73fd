using Microsoft.Playwright;
using Sosei.Web.BrowserTests.Infrastructure;

namespace Sosei.Web.BrowserTests;

/// <summary>The population page of 根室市 as a person sees it: the chart, the pyramid with two chosen years, the table.</summary>
[Collection(BrowserTestGroup.Name)]
public class PopulationBrowserTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task PopulationPage_ShowsSeries_AndThePyramidFollowsTheChosenYears()
    {
        var page = await app.NewPageAsync();

        await page.GotoAsync("/population");
        await page.GetByRole(AriaRole.Link, new() { Name = "根室市", Exact = true }).ClickAsync();
        await page.WaitForURLAsync("**/population/01223");
        Assert.Equal("根室市 人口ビジョン", (await page.Locator("h1").InnerTextAsync()).Replace('\n', ' '));

        var chart = page.Locator("#population-chart svg.line-chart");
        var legend = await chart.TextContentAsync() ?? "";
        Assert.Contains("国勢調査", legend, StringComparison.Ordinal);
        Assert.Contains("パターン1", legend, StringComparison.Ordinal);
        Assert.Contains("シミュレーション2", legend, StringComparison.Ordinal);
        Assert.True(await chart.Locator("path[stroke-dasharray]").CountAsync() >= 3, "projection lines are drawn dashed");

        var table = page.Locator("table.age-groups-table").First;
        Assert.Contains("年少人口", await table.InnerTextAsync(), StringComparison.Ordinal);
        await BrowserApp.ScreenshotAsync(page, "population-page");

        var pyramid = page.Locator("#pyramid svg.pyramid-chart");
        Assert.Equal("2060", await pyramid.GetAttributeAsync("data-outline"));
        await page.Locator("#bars").SelectOptionAsync("2015");
        await page.Locator("#outline").SelectOptionAsync("2045");
        await page.Locator("#pyramid").GetByRole(AriaRole.Button, new() { Name = "表示" }).ClickAsync();
        await page.WaitForURLAsync("**/population/01223?*outline=2045*");

        pyramid = page.Locator("#pyramid svg.pyramid-chart");
        Assert.Equal("2015", await pyramid.GetAttributeAsync("data-bars"));
        Assert.Equal("2045", await pyramid.GetAttributeAsync("data-outline"));
        Assert.Equal("2045年（パターン1）", await pyramid.Locator("text.legend-outline").TextContentAsync());
        Assert.Equal("2045", await page.Locator("#outline").InputValueAsync());
        // The other choices survive: the table still shows the three age groups.
        Assert.Contains("年少人口", await page.Locator("table.age-groups-table").First.InnerTextAsync(), StringComparison.Ordinal);
        await page.Locator("#pyramid").ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Combine(BrowserApp.ArtifactsDirectory, "population-pyramid.png") });
    }
}
