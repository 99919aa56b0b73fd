using Sosei.Web.BrowserTests.Infrastructure;
using Sosei.Web.BrowserTests.PageObjects.Admin;

namespace Sosei.Web.BrowserTests;

/// <summary>
/// An administrator enters actual values the way the documents write them, and sees what Sosei understood. The values
/// test changes 市内事業所の従業員数 (G1-N1) in this class's own database; no other test here reads that value.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public class EditingBrowserTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private const string Abashiri = "abashiri-sosei-2015";
    private const string Nemuro = "nemuro-sosei-2015";
    private const string H30 = "平成30年度 (2018)";

    [Fact]
    public async Task ValuesEntry_BadValueIsExplainedNextToTheCellAndNothingIsSaved_ThenTheFixedValueIsSavedAndShown()
    {
        var page = await app.SignedInPageAsync();

        // 管理 → 網走市 KPI 進捗管理表 → 市内事業所の従業員数 → 実績値.
        var structure = await (await new AdminIndexPage(page).OpenFromMenuAsync()).OpenStructureAsync("網走");
        var grid = await structure.OpenValuesAsync("市内事業所の従業員数");
        Assert.Equal("実績値の入力 市内事業所の従業員数", (await grid.Heading.InnerTextAsync()).Trim());

        await grid.FillAsync(H30, "1万5千x人");
        await grid.SaveAsync();

        var message = await grid.ErrorAsync(H30);
        Assert.Contains("平成30年度の実績値: 「1万5千x人」は数値として読めません", message, StringComparison.Ordinal);
        Assert.Equal("1万5千x人", await grid.TextAsync(H30));
        await BrowserApp.ScreenshotAsync(page, "edit-validation-error");

        await grid.ReloadAsync();
        Assert.Equal("", await grid.TextAsync(H30));

        await grid.FillAsync(H30, "15,800人");
        await grid.SaveAsync();

        Assert.Contains("実績値を保存しました", await grid.Flash.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("15,800人", await grid.UnderstoodAsync(H30));
        Assert.Equal("15,800人", await grid.TextAsync(H30));
        await BrowserApp.ScreenshotAsync(page, "edit-values-saved");
    }

    [Fact]
    public async Task EditingPages_RenderForAnAdministrator()
    {
        var page = await app.SignedInPageAsync();

        foreach (var (url, heading, shot) in new[]
        {
            (AdminIndexPage.Url, "管理", "edit-admin"),
            (PlanSettingsPage.Url(Abashiri), "計画の設定", "edit-settings"),
            (StructurePage.Url(Abashiri), "体系・KPI・事業", "edit-structure"),
            (KpiForm.EditUrl(Abashiri, "G1.1.2.1-K1"), "KPIの編集", "edit-kpi"),
            (ValuesGrid.Url(Abashiri, "G1.1.2.1-K1"), "実績値の入力", "edit-values-series"),
            ($"/admin/plans/{Abashiri}/kpis/G1-N1/grade?year=2018", "評価", "edit-grade"),
            (ProjectForm.EditUrl(Nemuro, "P001"), "事業の編集", "edit-project"),
        })
        {
            var response = await page.GotoAsync(url);
            Assert.Equal(200, response!.Status);
            Assert.StartsWith(heading, (await page.Locator("h1").InnerTextAsync()).Trim(), StringComparison.Ordinal);
            await BrowserApp.ScreenshotAsync(page, shot);
        }
    }

    [Fact]
    public async Task ValuesEntry_InEnglish_KeepsTheGridLayout()
    {
        var page = await app.SignedInPageAsync("en");

        var grid = await new ValuesGrid(page).OpenAsync(Abashiri, "G1.1.2.1-K1", culture: "en");

        Assert.StartsWith("Enter actual values", await grid.Heading.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("Save all", (await grid.SaveButton.InnerTextAsync()).Trim());
        await BrowserApp.ScreenshotAsync(page, "edit-values-en");
    }

    [Fact]
    public async Task KpiForm_ParseButtonShowsWhatTheTargetPhraseSays()
    {
        var page = await app.SignedInPageAsync();
        var form = await new KpiForm(page).OpenNewAsync(Nemuro, "G1.A.1");

        await form.SetNameAsync("道外からの移住者数");
        await form.SetTargetAsync("5年で男女200人");
        var preview = await form.ParseAsync();

        Assert.Contains("200人", preview, StringComparison.Ordinal);
        Assert.Contains("期間中の累計", preview, StringComparison.Ordinal);
        Assert.Equal("道外からの移住者数", await form.Name.InputValueAsync());
        await BrowserApp.ScreenshotAsync(page, "edit-kpi-phrase-preview");
    }
}
