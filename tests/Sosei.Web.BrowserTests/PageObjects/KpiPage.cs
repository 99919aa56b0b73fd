using Microsoft.Playwright;

namespace Sosei.Web.BrowserTests.PageObjects;

/// <summary>The KPI page: achievement, values table, chart.</summary>
public sealed class KpiPage(IPage page)
{
    /// <summary>The browser page.</summary>
    public IPage Page { get; } = page;

    /// <summary>Opens /plans/{plan}/kpis/{kpi}.</summary>
    public async Task<KpiPage> OpenAsync(string plan, string kpiCode, int? year = null)
    {
        await Page.GotoAsync(year is null ? $"/plans/{plan}/kpis/{kpiCode}" : $"/plans/{plan}/kpis/{kpiCode}?year={year}");
        return this;
    }

    /// <summary>The heading (KPI name with its level).</summary>
    public ILocator Heading => Page.Locator("h1");

    /// <summary>The big achievement rate.</summary>
    public ILocator Rate => Page.Locator(".rate-big");

    /// <summary>The chart SVGs.</summary>
    public ILocator Charts => Page.Locator("figure.chart svg");

    /// <summary>The values table header cells.</summary>
    public ILocator ValueHeaders => Page.Locator("#values-table thead th");

    /// <summary>The cell of a row (series name or 実績値) under a column header (平成30年度 …).</summary>
    public async Task<string> ValueAsync(string row, string columnStartsWith)
    {
        var headers = await ValueHeaders.AllInnerTextsAsync();
        var column = headers.ToList().FindIndex(h => h.StartsWith(columnStartsWith, StringComparison.Ordinal));
        Assert.True(column > 0, $"no column {columnStartsWith} in {string.Join(" | ", headers)}");
        var tr = Page.Locator("#values-table tbody tr").Filter(new() { Has = Page.Locator("th", new() { HasTextString = row }) });
        return (await tr.Locator("th, td").Nth(column).InnerTextAsync()).Trim();
    }
}
