using Microsoft.Playwright;

namespace Sosei.Web.BrowserTests.PageObjects.Admin;

/// <summary>The admin index (/admin): one row per plan with links to its settings and structure.</summary>
public sealed class AdminIndexPage(IPage page)
{
    /// <summary>The URL.</summary>
    public const string Url = "/admin";

    /// <summary>The browser page.</summary>
    public IPage Page { get; } = page;

    /// <summary>Goes there as a person does: the 管理 item of the main menu.</summary>
    public async Task<AdminIndexPage> OpenFromMenuAsync()
    {
        await Page.GetByRole(AriaRole.Navigation, new() { Name = "メインメニュー" }).GetByRole(AriaRole.Link, new() { Name = "管理" }).ClickAsync();
        return this;
    }

    /// <summary>Follows 体系・KPI・事業 in the row of the plan whose row shows that text (網走, say).</summary>
    public async Task<StructurePage> OpenStructureAsync(string planRowText)
    {
        await Page.Locator("tr", new() { HasText = planRowText }).GetByRole(AriaRole.Link, new() { Name = "体系・KPI・事業" }).ClickAsync();
        return new StructurePage(Page);
    }
}
