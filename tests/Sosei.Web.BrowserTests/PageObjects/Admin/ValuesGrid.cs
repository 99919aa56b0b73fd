using Microsoft.Playwright;

namespace Sosei.Web.BrowserTests.PageObjects.Admin;

/// <summary>
/// A KPI's actual values grid (/admin/plans/{plan}/kpis/{kpi}/values): one text field per period, labelled
/// 「平成30年度 (2018)の実績値」, what Sosei understood beside it, one save button for all.
/// </summary>
public sealed class ValuesGrid(IPage page)
{
    /// <summary>The browser page.</summary>
    public IPage Page { get; } = page;

    /// <summary>The heading (実績値の入力 and the KPI name).</summary>
    public ILocator Heading => Page.Locator("h1");

    /// <summary>The save button (すべて保存, Save all).</summary>
    public ILocator SaveButton => Page.Locator("form.values-form button.primary");

    /// <summary>The flash message after saving.</summary>
    public ILocator Flash => Page.Locator(".flash");

    /// <summary>The URL of a KPI's values grid (optionally in a culture: en).</summary>
    public static string Url(string plan, string kpi, string? culture = null) =>
        $"/admin/plans/{plan}/kpis/{kpi}/values" + (culture is null ? "" : "?culture=" + culture);

    /// <summary>Opens a KPI's values grid.</summary>
    public async Task<ValuesGrid> OpenAsync(string plan, string kpi, string? culture = null)
    {
        await Page.GotoAsync(Url(plan, kpi, culture));
        return this;
    }

    /// <summary>Reloads the grid (what is saved, not what was typed).</summary>
    public async Task ReloadAsync() => await Page.GotoAsync(Page.Url);

    /// <summary>The text field of a period, by its label (平成30年度 (2018), 平成27年 (2015)).</summary>
    public ILocator Field(string period) => Page.GetByLabel(period + "の実績値");

    /// <summary>The text in the field of a period.</summary>
    public Task<string> TextAsync(string period) => Field(period).InputValueAsync();

    /// <summary>Types into the field of a period (replacing what was there).</summary>
    public Task FillAsync(string period, string text) => Field(period).FillAsync(text);

    /// <summary>Presses the save button.</summary>
    public Task SaveAsync() => SaveButton.ClickAsync();

    /// <summary>The cell of a period (field, understood value, error).</summary>
    public ILocator Cell(string period) => Page.Locator("td.value-cell", new() { Has = Field(period) });

    /// <summary>The error shown next to a period's field.</summary>
    public Task<string> ErrorAsync(string period) => Cell(period).Locator(".field-error").First.InnerTextAsync();

    /// <summary>The value Sosei understood from a period's text, as it shows it (15,800人).</summary>
    public Task<string> UnderstoodAsync(string period) => Cell(period).Locator(".understood .amount").InnerTextAsync();
}
