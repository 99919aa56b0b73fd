using Microsoft.Playwright;

namespace Sosei.Web.BrowserTests.PageObjects.Admin;

/// <summary>The KPI form (/admin/plans/{plan}/kpis/new?node=…, /admin/plans/{plan}/kpis/{kpi}/edit).</summary>
public sealed class KpiForm(IPage page)
{
    /// <summary>The browser page.</summary>
    public IPage Page { get; } = page;

    /// <summary>The 指標名 field.</summary>
    public ILocator Name => Page.GetByLabel("指標名");

    /// <summary>The 目標の文言 field (the target as the document writes it).</summary>
    public ILocator TargetPhrase => Page.GetByLabel("目標の文言（資料の書き方）");

    /// <summary>The kind of year (FiscalYear, CalendarYear).</summary>
    public ILocator PeriodKind => Page.Locator("select[name='Form.PeriodKind']");

    /// <summary>What the 解析 button says the target phrase means.</summary>
    public ILocator Preview => Page.Locator(".preview");

    /// <summary>The URL of the form for a new KPI under a node.</summary>
    public static string NewUrl(string plan, string node) => $"/admin/plans/{plan}/kpis/new?node={node}";

    /// <summary>The URL of the form of a KPI.</summary>
    public static string EditUrl(string plan, string kpi) => $"/admin/plans/{plan}/kpis/{kpi}/edit";

    /// <summary>Opens the form for a new KPI under a node.</summary>
    public async Task<KpiForm> OpenNewAsync(string plan, string node)
    {
        await Page.GotoAsync(NewUrl(plan, node));
        return this;
    }

    /// <summary>Opens the form of a KPI.</summary>
    public async Task<KpiForm> OpenEditAsync(string plan, string kpi)
    {
        await Page.GotoAsync(EditUrl(plan, kpi));
        return this;
    }

    /// <summary>Types the 指標名.</summary>
    public Task SetNameAsync(string name) => Name.FillAsync(name);

    /// <summary>Types the target phrase (5年で男女200人).</summary>
    public Task SetTargetAsync(string phrase) => TargetPhrase.FillAsync(phrase);

    /// <summary>Presses 解析 and returns what the preview says.</summary>
    public async Task<string> ParseAsync()
    {
        await Page.GetByRole(AriaRole.Button, new() { Name = "解析" }).ClickAsync();
        return await Preview.InnerTextAsync();
    }

    /// <summary>Follows このKPIを削除 to the confirmation.</summary>
    public async Task<DeleteConfirmation> DeleteAsync()
    {
        await Page.GetByRole(AriaRole.Link, new() { Name = "このKPIを削除" }).ClickAsync();
        return new DeleteConfirmation(Page);
    }
}
