using Microsoft.Playwright;

namespace Sosei.Web.BrowserTests.PageObjects.Admin;

/// <summary>A plan's structure (/admin/plans/{plan}/nodes): the tree of nodes with their KPIs and projects, and the plan's actions.</summary>
public sealed class StructurePage(IPage page)
{
    /// <summary>The browser page.</summary>
    public IPage Page { get; } = page;

    /// <summary>The URL of a plan's structure.</summary>
    public static string Url(string plan) => $"/admin/plans/{plan}/nodes";

    /// <summary>Opens a plan's structure.</summary>
    public async Task<StructurePage> OpenAsync(string plan)
    {
        await Page.GotoAsync(Url(plan));
        return this;
    }

    /// <summary>Follows 実績値 of the (first) KPI item with that name.</summary>
    public async Task<ValuesGrid> OpenValuesAsync(string kpiName)
    {
        await Page.Locator(".struct-items li", new() { HasText = kpiName }).First.GetByRole(AriaRole.Link, new() { Name = "実績値" }).ClickAsync();
        return new ValuesGrid(Page);
    }

    /// <summary>Follows the plan's 目標人口 action.</summary>
    public async Task<PopulationTargetsForm> OpenPopulationTargetsAsync()
    {
        await Page.Locator(".admin-actions").GetByRole(AriaRole.Link, new() { Name = "目標人口" }).ClickAsync();
        return new PopulationTargetsForm(Page);
    }
}
