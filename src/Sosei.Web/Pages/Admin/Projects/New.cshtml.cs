using Microsoft.AspNetCore.Mvc;
using Sosei.Application.Projects;
using Sosei.Web.Localization;
namespace Sosei.Web.Pages.Admin.Projects;

/// <summary>Adds a project under a node.</summary>
public sealed class NewModel(ProjectEditor editor, UiText text) : ProjectFormPage(editor, text)
{
    /// <summary>Shows an empty form with a generated code.</summary>
    public Task<IActionResult> OnGetAsync(string plan, string? node, CancellationToken cancellationToken) => ShowNewAsync(plan, node, cancellationToken);

    /// <summary>Creates the project.</summary>
    public Task<IActionResult> OnPostAsync(string plan, CancellationToken cancellationToken) => SaveAsync(plan, null, cancellationToken);
}
