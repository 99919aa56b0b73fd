using Microsoft.AspNetCore.Mvc;
using Sosei.Application.Kpis;
using Sosei.Web.Localization;
namespace Sosei.Web.Pages.Admin.Kpis;

/// <summary>Adds a KPI under a node.</summary>
public sealed class NewModel(KpiEditor editor, UiText text) : KpiFormPage(editor, text)
{
    /// <summary>Shows an empty form with a generated code.</summary>
    public Task<IActionResult> OnGetAsync(string plan, string? node, CancellationToken cancellationToken) => ShowNewAsync(plan, node, cancellationToken);

    /// <summary>Creates the KPI.</summary>
    public Task<IActionResult> OnPostAsync(string plan, CancellationToken cancellationToken) => SaveAsync(plan, null, cancellationToken);

    /// <summary>Shows what the target phrase reads as.</summary>
    public Task<IActionResult> OnPostPreviewAsync(string plan, CancellationToken cancellationToken) => PreviewAsync(plan, null, cancellationToken);
}
