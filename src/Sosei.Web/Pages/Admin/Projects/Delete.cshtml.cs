using Microsoft.AspNetCore.Mvc;
using Sosei.Application.Plans;
using Sosei.Web.Localization;
namespace Sosei.Web.Pages.Admin.Projects;

/// <summary>Deleting a project: GET shows what goes with it, POST (with the anti-forgery token) deletes it.</summary>
public sealed class DeleteModel(ItemDeleter deleter, UiText text) : AdminPageModel
{
    /// <summary>What will be deleted.</summary>
    public ProjectDeletion View { get; private set; } = null!;

    /// <summary>Shows the confirmation.</summary>
    public async Task<IActionResult> OnGetAsync(string plan, string project, CancellationToken cancellationToken) =>
        await ShowAsync(plan, project, cancellationToken);

    /// <summary>Deletes the project and goes to the structure page.</summary>
    public async Task<IActionResult> OnPostAsync(string plan, string project, CancellationToken cancellationToken)
    {
        var result = await deleter.DeleteProjectAsync(plan, project, cancellationToken);
        return await AfterSaveAsync(
            result,
            () => RedirectToPage("/Admin/Plans/Nodes", null, new { plan }, "node-" + result.Code),
            () => ShowAsync(plan, project, cancellationToken));
    }

    private Task<IActionResult> ShowAsync(string plan, string project, CancellationToken cancellationToken) =>
        ShowPageAsync(deleter.ProjectAsync(plan, project, cancellationToken), view =>
        {
            View = view;
            Crumbs(
                text["事業の削除"],
                (text["管理"], Url.Page("/Admin/Index")),
                (view.PlanName, Url.Page("/Admin/Plans/Nodes", new { plan = view.PlanCode })),
                (view.ProjectName, Url.Page("/Admin/Projects/Edit", new { plan = view.PlanCode, project = view.ProjectCode })));
        });
}
