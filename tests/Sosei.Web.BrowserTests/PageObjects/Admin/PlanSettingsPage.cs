using Microsoft.Playwright;

namespace Sosei.Web.BrowserTests.PageObjects.Admin;

/// <summary>A plan's settings (/admin/plans/{plan}/settings): name, period, levels, grade scale.</summary>
public sealed class PlanSettingsPage(IPage page)
{
    /// <summary>The browser page.</summary>
    public IPage Page { get; } = page;

    /// <summary>The heading (計画の設定).</summary>
    public ILocator Heading => Page.Locator("h1");

    /// <summary>The URL of a plan's settings.</summary>
    public static string Url(string plan) => $"/admin/plans/{plan}/settings";

    /// <summary>Opens a plan's settings.</summary>
    public async Task<PlanSettingsPage> OpenAsync(string plan)
    {
        await Page.GotoAsync(Url(plan));
        return this;
    }
}
