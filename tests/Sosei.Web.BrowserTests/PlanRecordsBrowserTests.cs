using Microsoft.Playwright;
using Sosei.Web.BrowserTests.Infrastructure;

namespace Sosei.Web.BrowserTests;

/// <summary>
/// The councils page, the population targets form, the delete confirmations and a calendar-year KPI's forms, as a
/// person sees them (screenshots in artifacts/screenshots). Nothing here changes the shared demo data.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public class PlanRecordsBrowserTests(BrowserFixture fixture)
{
    [Fact]
    public async Task CouncilsPage_ShowsMembersAndMeetings()
    {
        var page = await fixture.NewPageAsync();

        await page.GotoAsync("/plans/abashiri-sosei-2015");
        await page.Locator(".plan-tabs").GetByRole(AriaRole.Link, new() { Name = "会議" }).ClickAsync();

        Assert.Equal("会議 網走市まち・ひと・しごと創生総合戦略（第1期）", (await page.Locator("h1").InnerTextAsync()).Trim());
        Assert.Equal(15, await page.Locator("table.council-members tbody tr").CountAsync());
        Assert.Equal("平成27年6月12日 (2015)", (await page.Locator("table.council-meetings tbody th").First.InnerTextAsync()).Trim());
        await BrowserFixture.ScreenshotAsync(page, "councils-abashiri");

        await page.GotoAsync("/plans/nemuro-sosei-2015/councils");
        Assert.Equal(2, await page.Locator("section.council").CountAsync());
        await BrowserFixture.ScreenshotAsync(page, "councils-nemuro");

        var english = await fixture.NewPageAsync("en");
        await english.GotoAsync("/plans/abashiri-sosei-2015/councils?culture=en");
        Assert.Equal("Councils", (await english.Locator(".plan-tabs a[aria-current=page]").InnerTextAsync()).Trim());
        await BrowserFixture.ScreenshotAsync(english, "councils-abashiri-en");
    }

    [Fact]
    public async Task PopulationTargets_BadNumberIsExplainedNextToTheCell()
    {
        var page = await fixture.NewPageAsync();
        await SignInAsync(page);

        await page.GotoAsync("/admin/plans/nemuro-sosei-2015/nodes");
        await page.Locator(".admin-actions").GetByRole(AriaRole.Link, new() { Name = "目標人口" }).ClickAsync();
        Assert.StartsWith("目標人口", (await page.Locator("h1").InnerTextAsync()).Trim(), StringComparison.Ordinal);
        Assert.Equal("26,043人", await page.Locator("input[name='Form.Rows[0].Target']").InputValueAsync());
        await BrowserFixture.ScreenshotAsync(page, "edit-population-targets");

        await page.Locator("input[name='Form.Rows[13].Term']").FillAsync("長期");
        await page.Locator("input[name='Form.Rows[13].Year']").FillAsync("2040");
        await page.Locator("input[name='Form.Rows[13].Indicator']").FillAsync("総人口");
        await page.Locator("input[name='Form.Rows[13].Target']").FillAsync("2万x人");
        await page.GetByRole(AriaRole.Button, new() { Name = "すべて保存" }).ClickAsync();

        var error = await page.Locator("[data-valmsg-for='Form.Rows[13].Target']").InnerTextAsync();
        Assert.Contains("「2万x人」", error, StringComparison.Ordinal);
        await BrowserFixture.ScreenshotAsync(page, "edit-population-targets-error");
    }

    [Fact]
    public async Task DeleteConfirmations_SayWhatGoes()
    {
        var page = await fixture.NewPageAsync();
        await SignInAsync(page);

        await page.GotoAsync("/admin/plans/abashiri-sosei-2015/kpis/G3-N1/edit");
        await page.GetByRole(AriaRole.Link, new() { Name = "このKPIを削除" }).ClickAsync();
        Assert.StartsWith("KPIの削除", (await page.Locator("h1").InnerTextAsync()).Trim(), StringComparison.Ordinal);
        Assert.Contains("4件", await page.Locator("table.deleted-items").InnerTextAsync(), StringComparison.Ordinal);
        await BrowserFixture.ScreenshotAsync(page, "delete-kpi");

        await page.GotoAsync("/admin/plans/abashiri-sosei-2015/projects/P001/edit");
        await page.GetByRole(AriaRole.Link, new() { Name = "この事業を削除" }).ClickAsync();
        Assert.StartsWith("事業の削除", (await page.Locator("h1").InnerTextAsync()).Trim(), StringComparison.Ordinal);
        await BrowserFixture.ScreenshotAsync(page, "delete-project");

        // Cancel goes back without deleting.
        await page.GetByRole(AriaRole.Link, new() { Name = "キャンセル" }).ClickAsync();
        Assert.StartsWith("事業の編集", (await page.Locator("h1").InnerTextAsync()).Trim(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CalendarYearKpi_FormAndValuesGridSayCalendarYear()
    {
        var page = await fixture.NewPageAsync();
        await SignInAsync(page);

        await page.GotoAsync("/admin/plans/abashiri-sosei-2015/kpis/G3-N1/edit");
        Assert.Equal("CalendarYear", await page.Locator("select[name='Form.PeriodKind']").InputValueAsync());
        await BrowserFixture.ScreenshotAsync(page, "edit-kpi-calendar-year");

        await page.GotoAsync("/admin/plans/abashiri-sosei-2015/kpis/G3-N1/values");
        Assert.Equal("(1.64)", await page.GetByLabel("平成27年 (2015)の実績値").InputValueAsync());
        await BrowserFixture.ScreenshotAsync(page, "edit-values-calendar-year");
    }

    private static async Task SignInAsync(IPage page)
    {
        await page.GotoAsync("/account/login");
        await page.GetByLabel("ユーザー名").FillAsync("admin");
        await page.GetByLabel("パスワード").FillAsync(KestrelApp.AdminPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "ログイン" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/account/login", StringComparison.Ordinal));
    }
}
