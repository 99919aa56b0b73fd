using Microsoft.Playwright;

namespace Sosei.Web.BrowserTests.PageObjects.Admin;

/// <summary>A plan's population targets (/admin/plans/{plan}/population-targets): one row per target, blank rows to add.</summary>
public sealed class PopulationTargetsForm(IPage page)
{
    /// <summary>The browser page.</summary>
    public IPage Page { get; } = page;

    /// <summary>The heading (目標人口 and the plan).</summary>
    public ILocator Heading => Page.Locator("h1");

    /// <summary>The URL of a plan's population targets.</summary>
    public static string Url(string plan) => $"/admin/plans/{plan}/population-targets";

    /// <summary>A field of a row: Term, Year, Indicator or Target.</summary>
    public ILocator Field(int row, string field) => Page.Locator($"input[name='Form.Rows[{row}].{field}']");

    /// <summary>Fills a row (an empty one to add a target).</summary>
    public async Task FillRowAsync(int row, string term, string year, string indicator, string target)
    {
        await Field(row, "Term").FillAsync(term);
        await Field(row, "Year").FillAsync(year);
        await Field(row, "Indicator").FillAsync(indicator);
        await Field(row, "Target").FillAsync(target);
    }

    /// <summary>Presses すべて保存.</summary>
    public Task SaveAsync() => Page.GetByRole(AriaRole.Button, new() { Name = "すべて保存" }).ClickAsync();

    /// <summary>The error shown for a field of a row.</summary>
    public Task<string> ErrorAsync(int row, string field) => Page.Locator($"[data-valmsg-for='Form.Rows[{row}].{field}']").InnerTextAsync();
}
