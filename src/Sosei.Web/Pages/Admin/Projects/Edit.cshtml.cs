using Microsoft.AspNetCore.Mvc;
using Sosei.Application.Kpis;
using Sosei.Application.Projects;
using Sosei.Web.Localization;
namespace Sosei.Web.Pages.Admin.Projects;

/// <summary>Edits a project and its relistings (再掲).</summary>
public sealed class EditModel(ProjectEditor editor, RelistingEditor relistings, UiText text) : ProjectFormPage(editor, text)
{
    /// <summary>The relisting form.</summary>
    [BindProperty]
    public RelistingForm Relisting { get; set; } = new();

    /// <summary>Shows the form.</summary>
    public Task<IActionResult> OnGetAsync(string plan, string project, CancellationToken cancellationToken) => ShowStoredAsync(plan, project, cancellationToken);

    /// <summary>Saves the project.</summary>
    public Task<IActionResult> OnPostAsync(string plan, string project, CancellationToken cancellationToken) => SaveAsync(plan, project, cancellationToken);

    /// <summary>Relists the project under another node.</summary>
    public async Task<IActionResult> OnPostAddRelistingAsync(string plan, string project, CancellationToken cancellationToken) =>
        await AfterRelistingAsync(plan, project, await relistings.AddAsync(plan, RelistedItem.Project, project, Relisting, cancellationToken), nameof(Relisting), cancellationToken);

    /// <summary>Removes a relisting.</summary>
    public async Task<IActionResult> OnPostRemoveRelistingAsync(string plan, string project, int id, CancellationToken cancellationToken) =>
        await AfterRelistingAsync(plan, project, await relistings.RemoveAsync(plan, RelistedItem.Project, project, id, cancellationToken), nameof(Relisting), cancellationToken);
}
