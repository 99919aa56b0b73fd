using Microsoft.Playwright;

namespace Sosei.Web.BrowserTests.PageObjects.Admin;

/// <summary>The project form (/admin/plans/{plan}/projects/{project}/edit).</summary>
public sealed class ProjectForm(IPage page)
{
    /// <summary>The browser page.</summary>
    public IPage Page { get; } = page;

    /// <summary>The URL of the form of a project.</summary>
    public static string EditUrl(string plan, string project) => $"/admin/plans/{plan}/projects/{project}/edit";

    /// <summary>Opens the form of a project.</summary>
    public async Task<ProjectForm> OpenEditAsync(string plan, string project)
    {
        await Page.GotoAsync(EditUrl(plan, project));
        return this;
    }

    /// <summary>Follows この事業を削除 to the confirmation.</summary>
    public async Task<DeleteConfirmation> DeleteAsync()
    {
        await Page.GetByRole(AriaRole.Link, new() { Name = "この事業を削除" }).ClickAsync();
        return new DeleteConfirmation(Page);
    }
}
