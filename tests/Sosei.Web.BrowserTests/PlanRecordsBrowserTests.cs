using Microsoft.Playwright;
using Sosei.Web.BrowserTests.Infrastructure;
using Sosei.Web.BrowserTests.PageObjects.Admin;

namespace Sosei.Web.BrowserTests;

/// <summary>
/// The councils page, the population targets form, the delete confirmations and a calendar-year KPI's forms, as a
/// person sees them (screenshots in artifacts/screenshots). Nothing here saves a change.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public class PlanRecordsBrowserTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task CouncilsPage_ShowsMembersAndMeetings()
    {
        var page = await app.NewPageAsync();

        await page.GotoAsync("/plans/abashiri-sosei-2015");
        await page.Locator(".plan-tabs").GetByRole(AriaRole.Link, new() { Name = "会議" }).ClickAsync();

        Assert.Equal("会議 網走市まち・ひと・しごと創生総合戦略（第1期）", (await page.Locator("h1").InnerTextAsync()).Trim());
        Assert.Equal(15, await page.Locator("table.council-members tbody tr").CountAsync());
        Assert.Equal("平成27年6月12日 (2015)", (await page.Locator("table.council-meetings tbody th").First.InnerTextAsync()).Trim());
        await BrowserApp.ScreenshotAsync(page, "councils-abashiri");

        await page.GotoAsync("/plans/nemuro-sosei-2015/councils");
        Assert.Equal(2, await page.Locator("section.council").CountAsync());
        await BrowserApp.ScreenshotAsync(page, "councils-nemuro");

        var english = await app.NewPageAsync("en");
        await english.GotoAsync("/plans/abashiri-sosei-2015/councils?culture=en");
        Assert.Equal("Councils", (await english.Locator(".plan-tabs a[aria-current=page]").InnerTextAsync()).Trim());
        await BrowserApp.ScreenshotAsync(english, "councils-abashiri-en");
    }

    [Fact]
    public async Task PopulationTargets_BadNumberIsExplainedNextToTheCell()
    {
        var page = await app.SignedInPageAsync();

        var targets = await (await new StructurePage(page).OpenAsync("nemuro-sosei-2015")).OpenPopulationTargetsAsync();
        Assert.StartsWith("目標人口", (await targets.Heading.InnerTextAsync()).Trim(), StringComparison.Ordinal);
        Assert.Equal("26,043人", await targets.Field(0, "Target").InputValueAsync());
        await BrowserApp.ScreenshotAsync(page, "edit-population-targets");

        await targets.FillRowAsync(13, term: "長期", year: "2040", indicator: "総人口", target: "2万x人");
        await targets.SaveAsync();

        var error = await targets.ErrorAsync(13, "Target");
        Assert.Contains("「2万x人」", error, StringComparison.Ordinal);
        await BrowserApp.ScreenshotAsync(page, "edit-population-targets-error");
    }

    [Fact]
    public async Task DeleteConfirmations_SayWhatGoes()
    {
        var page = await app.SignedInPageAsync();

        var kpi = await (await new KpiForm(page).OpenEditAsync("abashiri-sosei-2015", "G3-N1")).DeleteAsync();
        Assert.StartsWith("KPIの削除", (await kpi.Heading.InnerTextAsync()).Trim(), StringComparison.Ordinal);
        Assert.Contains("4件", await kpi.DeletedItems.InnerTextAsync(), StringComparison.Ordinal);
        await BrowserApp.ScreenshotAsync(page, "delete-kpi");

        var project = await (await new ProjectForm(page).OpenEditAsync("abashiri-sosei-2015", "P001")).DeleteAsync();
        Assert.StartsWith("事業の削除", (await project.Heading.InnerTextAsync()).Trim(), StringComparison.Ordinal);
        await BrowserApp.ScreenshotAsync(page, "delete-project");

        // Cancel goes back without deleting.
        await project.CancelAsync();
        Assert.StartsWith("事業の編集", (await page.Locator("h1").InnerTextAsync()).Trim(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CalendarYearKpi_FormAndValuesGridSayCalendarYear()
    {
        var page = await app.SignedInPageAsync();

        var form = await new KpiForm(page).OpenEditAsync("abashiri-sosei-2015", "G3-N1");
        Assert.Equal("CalendarYear", await form.PeriodKind.InputValueAsync());
        await BrowserApp.ScreenshotAsync(page, "edit-kpi-calendar-year");

        var grid = await new ValuesGrid(page).OpenAsync("abashiri-sosei-2015", "G3-N1");
        Assert.Equal("(1.64)", await grid.TextAsync("平成27年 (2015)"));
        await BrowserApp.ScreenshotAsync(page, "edit-values-calendar-year");
    }
}
