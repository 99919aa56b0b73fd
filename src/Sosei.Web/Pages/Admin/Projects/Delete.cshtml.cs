using Microsoft.AspNetCore.Mvc;
using Sosei.Application.Plans;
using Sosei.Web.Localization;
namespace Sosei.Web.Pages.Admin.Projects;

/// <summary>Deleting a project: GET shows what goes with it, POST (with the anti-forgery token) deletes it.</summary>
public sealed class DeleteModel(ItemDeleter deleter, UiText text) : PlanItemDeletePage<ProjectDeletion>(text)
{
    /// <inheritdoc />
    protected override string TitleKey => "事業の削除";

    /// <summary>Shows the confirmation.</summary>
    public Task<IActionResult> OnGetAsync(string plan, string project, CancellationToken cancellationToken) =>
        ShowAsync(deleter.ProjectAsync(plan, project, cancellationToken));

    /// <summary>Deletes the project and goes to the structure page.</summary>
    public async Task<IActionResult> OnPostAsync(string plan, string project, CancellationToken cancellationToken) =>
        await AfterDeleteAsync(plan, await deleter.DeleteProjectAsync(plan, project, cancellationToken), () => ShowAsync(deleter.ProjectAsync(plan, project, cancellationToken)));

    /// <inheritdoc />
    protected override (string Text, string? Href) ItemCrumb(ProjectDeletion view) =>
        (view.ProjectName, Url.Page("/Admin/Projects/Edit", new { plan = view.PlanCode, project = view.ProjectCode }));
}
