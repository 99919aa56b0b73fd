using Microsoft.Playwright;
using Sosei.Web.BrowserTests.Infrastructure;

namespace Sosei.Web.BrowserTests;

/// <summary>An administrator enters actual values the way the documents write them, and sees what Sosei understood.</summary>
[Collection(BrowserTestGroup.Name)]
public class EditingBrowserTests(BrowserFixture fixture)
{
    [Fact]
    public async Task ValuesEntry_BadValueIsExplainedNextToTheCellAndNothingIsSaved_ThenTheFixedValueIsSavedAndShown()
    {
        var page = await fixture.NewPageAsync();
        await SignInAsync(page);

        // 管理 → 網走市 KPI 進捗管理表 → 市内事業所の従業員数 → 実績値.
        await page.GetByRole(AriaRole.Navigation, new() { Name = "メインメニュー" }).GetByRole(AriaRole.Link, new() { Name = "管理" }).ClickAsync();
        await page.Locator("tr", new() { HasText = "網走" }).GetByRole(AriaRole.Link, new() { Name = "体系・KPI・事業" }).ClickAsync();
        await page.Locator(".struct-items li", new() { HasText = "市内事業所の従業員数" }).First.GetByRole(AriaRole.Link, new() { Name = "実績値" }).ClickAsync();
        Assert.Equal("実績値の入力 市内事業所の従業員数", (await page.Locator("h1").InnerTextAsync()).Trim());

        var h30 = page.GetByLabel("平成30年度 (2018)の実績値");
        try
        {
            await h30.FillAsync("1万5千x人");
            await page.GetByRole(AriaRole.Button, new() { Name = "すべて保存" }).ClickAsync();

            var error = page.Locator("td.value-cell", new() { Has = page.GetByLabel("平成30年度 (2018)の実績値") }).Locator(".field-error").First;
            var message = await error.InnerTextAsync();
            Assert.Contains("平成30年度の実績値: 「1万5千x人」は数値として読めません", message, StringComparison.Ordinal);
            Assert.Equal("1万5千x人", await h30.InputValueAsync());
            await BrowserFixture.ScreenshotAsync(page, "edit-validation-error");

            await page.GotoAsync(page.Url);
            Assert.Equal("", await page.GetByLabel("平成30年度 (2018)の実績値").InputValueAsync());

            await page.GetByLabel("平成30年度 (2018)の実績値").FillAsync("15,800人");
            await page.GetByRole(AriaRole.Button, new() { Name = "すべて保存" }).ClickAsync();

            Assert.Contains("実績値を保存しました", await page.Locator(".flash").InnerTextAsync(), StringComparison.Ordinal);
            var cell = page.Locator("td.value-cell", new() { Has = page.GetByLabel("平成30年度 (2018)の実績値") });
            Assert.Equal("15,800人", await cell.Locator(".understood .amount").InnerTextAsync());
            Assert.Equal("15,800人", await page.GetByLabel("平成30年度 (2018)の実績値").InputValueAsync());
            await BrowserFixture.ScreenshotAsync(page, "edit-values-saved");
        }
        finally
        {
            // Other browser tests share this app: leave the demo value as it was.
            await page.GotoAsync("/admin/plans/abashiri-sosei-2015/kpis/G1-N1/values");
            await page.GetByLabel("平成30年度 (2018)の実績値").FillAsync("");
            await page.GetByRole(AriaRole.Button, new() { Name = "すべて保存" }).ClickAsync();
        }
    }

    [Fact]
    public async Task EditingPages_RenderForAnAdministrator()
    {
        var page = await fixture.NewPageAsync();
        await SignInAsync(page);

        foreach (var (url, heading, shot) in new[]
        {
            ("/admin", "管理", "edit-admin"),
            ("/admin/plans/abashiri-sosei-2015/settings", "計画の設定", "edit-settings"),
            ("/admin/plans/abashiri-sosei-2015/nodes", "体系・KPI・事業", "edit-structure"),
            ("/admin/plans/abashiri-sosei-2015/kpis/G1.1.2.1-K1/edit", "KPIの編集", "edit-kpi"),
            ("/admin/plans/abashiri-sosei-2015/kpis/G1.1.2.1-K1/values", "実績値の入力", "edit-values-series"),
            ("/admin/plans/abashiri-sosei-2015/kpis/G1-N1/grade?year=2018", "評価", "edit-grade"),
            ("/admin/plans/nemuro-sosei-2015/projects/P001/edit", "事業の編集", "edit-project"),
        })
        {
            var response = await page.GotoAsync(url);
            Assert.Equal(200, response!.Status);
            Assert.StartsWith(heading, (await page.Locator("h1").InnerTextAsync()).Trim(), StringComparison.Ordinal);
            await BrowserFixture.ScreenshotAsync(page, shot);
        }
    }

    [Fact]
    public async Task ValuesEntry_InEnglish_KeepsTheGridLayout()
    {
        var page = await fixture.NewPageAsync("en");
        await SignInAsync(page);

        await page.GotoAsync("/admin/plans/abashiri-sosei-2015/kpis/G1.1.2.1-K1/values?culture=en");

        Assert.StartsWith("Enter actual values", await page.Locator("h1").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("Save all", (await page.Locator("form.values-form button.primary").InnerTextAsync()).Trim());
        await BrowserFixture.ScreenshotAsync(page, "edit-values-en");
    }

    [Fact]
    public async Task KpiForm_ParseButtonShowsWhatTheTargetPhraseSays()
    {
        var page = await fixture.NewPageAsync();
        await SignInAsync(page);
        await page.GotoAsync("/admin/plans/nemuro-sosei-2015/kpis/new?node=G1.A.1");

        await page.GetByLabel("指標名").FillAsync("道外からの移住者数");
        await page.GetByLabel("目標の文言（資料の書き方）").FillAsync("5年で男女200人");
        await page.GetByRole(AriaRole.Button, new() { Name = "解析" }).ClickAsync();

        var preview = await page.Locator(".preview").InnerTextAsync();
        Assert.Contains("200人", preview, StringComparison.Ordinal);
        Assert.Contains("期間の累計", preview, StringComparison.Ordinal);
        Assert.Equal("道外からの移住者数", await page.GetByLabel("指標名").InputValueAsync());
        await BrowserFixture.ScreenshotAsync(page, "edit-kpi-phrase-preview");
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
