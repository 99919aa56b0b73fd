using Microsoft.Playwright;

namespace Sosei.Web.BrowserTests.PageObjects;

/// <summary>The projects page: the filter form, the result count, the rows.</summary>
public sealed class ProjectsPage(IPage page)
{
    /// <summary>The browser page.</summary>
    public IPage Page { get; } = page;

    /// <summary>Opens /plans/{plan}/projects.</summary>
    public async Task<ProjectsPage> OpenAsync(string plan)
    {
        await Page.GotoAsync($"/plans/{plan}/projects");
        return this;
    }

    /// <summary>The result count (全100件中 18件).</summary>
    public ILocator Count => Page.Locator("#result-count");

    /// <summary>The result rows.</summary>
    public ILocator Rows => Page.Locator("table.projects-table tbody tr");

    /// <summary>Chooses a 区分 by its label (民間等); the form submits and the page reloads.</summary>
    public async Task ChooseCategoryAsync(string label)
    {
        await Page.GetByLabel("区分").SelectOptionAsync(new SelectOptionValue { Label = label });
        await Page.WaitForURLAsync("**category=*");
    }

    /// <summary>Chooses a node by its value (code) and presses 絞り込む.</summary>
    public async Task ChooseNodeAndFilterAsync(string nodeCode)
    {
        await Page.GetByLabel("施策（下位を含む）").SelectOptionAsync(nodeCode);
        await Page.WaitForURLAsync($"**node={nodeCode}*");
    }

    /// <summary>The 区分 tags of the rows.</summary>
    public async Task<IReadOnlyList<string>> CategoriesAsync() =>
        (await Rows.Locator("td:first-child .tag").AllInnerTextsAsync()).Select(t => t.Trim()).ToList();
}
