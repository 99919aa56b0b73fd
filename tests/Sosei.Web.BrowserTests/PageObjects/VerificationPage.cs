using Microsoft.Playwright;

namespace Sosei.Web.BrowserTests.PageObjects;

/// <summary>The verification page: the summary table and the KPI list behind a count.</summary>
public sealed class VerificationPage(IPage page)
{
    /// <summary>The browser page.</summary>
    public IPage Page { get; } = page;

    /// <summary>Opens /plans/{plan}/verification.</summary>
    public async Task<VerificationPage> OpenAsync(string plan, int? year = null)
    {
        await Page.GotoAsync(year is null ? $"/plans/{plan}/verification" : $"/plans/{plan}/verification?year={year}");
        return this;
    }

    /// <summary>The summary rows (one per 基本目標, then 合計).</summary>
    public ILocator Rows => Page.Locator("table.verification-table tbody tr");

    /// <summary>The count cells of a row, left to right.</summary>
    public ILocator Counts(int row) => Rows.Nth(row).Locator("td.count a");

    /// <summary>The KPIs listed below the table.</summary>
    public ILocator ListedKpis => Page.Locator("#kpi-list tbody tr");

    /// <summary>The heading of the list (says which count is shown).</summary>
    public ILocator ListHeading => Page.Locator("#kpi-list-title");
}
