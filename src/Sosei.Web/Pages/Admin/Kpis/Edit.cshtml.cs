using Microsoft.AspNetCore.Mvc;
using Sosei.Application.Kpis;
using Sosei.Web.Localization;
namespace Sosei.Web.Pages.Admin.Kpis;

/// <summary>Edits a KPI and its relistings (再掲).</summary>
public sealed class EditModel(KpiEditor editor, RelistingEditor relistings, UiText text) : KpiFormPage(editor, text)
{
    /// <summary>The relisting form.</summary>
    [BindProperty]
    public RelistingForm Relisting { get; set; } = new();

    /// <summary>Shows the form.</summary>
    public Task<IActionResult> OnGetAsync(string plan, string kpi, CancellationToken cancellationToken) => ShowStoredAsync(plan, kpi, cancellationToken);

    /// <summary>Saves the KPI.</summary>
    public Task<IActionResult> OnPostAsync(string plan, string kpi, CancellationToken cancellationToken) => SaveAsync(plan, kpi, cancellationToken);

    /// <summary>Shows what the target phrase reads as.</summary>
    public Task<IActionResult> OnPostPreviewAsync(string plan, string kpi, CancellationToken cancellationToken) => PreviewAsync(plan, kpi, cancellationToken);

    /// <summary>Relists the KPI under another node.</summary>
    public async Task<IActionResult> OnPostAddRelistingAsync(string plan, string kpi, CancellationToken cancellationToken) =>
        await AfterRelistingAsync(plan, kpi, await relistings.AddAsync(plan, RelistedItem.Kpi, kpi, Relisting, cancellationToken), nameof(Relisting), cancellationToken);

    /// <summary>Removes a relisting.</summary>
    public async Task<IActionResult> OnPostRemoveRelistingAsync(string plan, string kpi, int id, CancellationToken cancellationToken) =>
        await AfterRelistingAsync(plan, kpi, await relistings.RemoveAsync(plan, RelistedItem.Kpi, kpi, id, cancellationToken), nameof(Relisting), cancellationToken);
}
