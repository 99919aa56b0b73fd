using Microsoft.Playwright;

namespace Sosei.Web.BrowserTests.PageObjects;

/// <summary>The plan page as a reader sees it: goal headings, the year selector, KPI rows, 再掲 items.</summary>
public sealed class PlanTreePage(IPage page)
{
    /// <summary>The browser page.</summary>
    public IPage Page { get; } = page;

    /// <summary>Opens /plans/{plan} (optionally for a year).</summary>
    public async Task<PlanTreePage> OpenAsync(string plan, int? year = null)
    {
        await Page.GotoAsync(year is null ? $"/plans/{plan}" : $"/plans/{plan}?year={year}");
        return this;
    }

    /// <summary>The 基本目標 headings.</summary>
    public ILocator GoalHeadings => Page.Locator("section.goal > .node-head h2");

    /// <summary>The selected fiscal year as shown in the selector.</summary>
    public async Task<string> SelectedYearAsync() =>
        (await Page.Locator("select#year").EvaluateAsync<string>("s => s.options[s.selectedIndex].text")).Trim();

    /// <summary>Chooses a fiscal year (the form submits on change).</summary>
    public async Task ChooseYearAsync(int year)
    {
        await Page.Locator("select#year").SelectOptionAsync(year.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Page.WaitForURLAsync($"**year={year}*");
    }

    /// <summary>The rows of one KPI (one per series).</summary>
    public ILocator Kpi(string kpiCode) => Page.Locator($"tbody[data-kpi='{kpiCode}']");

    /// <summary>The node section with that code.</summary>
    public ILocator Node(string nodeCode) => Page.Locator($"[id='node-{nodeCode}']");

    /// <summary>Opens the node's project list when it is collapsed (long lists are), as a reader clicks its summary.</summary>
    public async Task OpenProjectsAsync(string nodeCode)
    {
        var details = Node(nodeCode).Locator(":scope > details.projects");
        if (await details.GetAttributeAsync("open") is null)
        {
            await details.Locator(":scope > summary").ClickAsync();
        }
    }

    /// <summary>The relisted (再掲) project items under a node.</summary>
    public ILocator RelistedProjects(string nodeCode) => Node(nodeCode).Locator("li.relisted-project");
}
