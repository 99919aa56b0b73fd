using Microsoft.AspNetCore.Mvc;
using Sosei.Application.Common;
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
    public async Task<IActionResult> OnGetAsync(string plan, string kpi, CancellationToken cancellationToken)
    {
        var view = await Editor.GetAsync(plan, kpi, cancellationToken);
        if (view is null)
        {
            return NotFound();
        }

        await ShowAsync(view, pad: true, cancellationToken);
        return Page();
    }

    /// <summary>Saves the KPI.</summary>
    public Task<IActionResult> OnPostAsync(string plan, string kpi, CancellationToken cancellationToken) => SaveAsync(plan, kpi, cancellationToken);

    /// <summary>Shows what the target phrase reads as.</summary>
    public Task<IActionResult> OnPostPreviewAsync(string plan, string kpi, CancellationToken cancellationToken) => PreviewAsync(plan, kpi, cancellationToken);

    /// <summary>Relists the KPI under another node.</summary>
    public async Task<IActionResult> OnPostAddRelistingAsync(string plan, string kpi, CancellationToken cancellationToken) =>
        await AfterRelistingAsync(plan, kpi, await relistings.AddAsync(plan, RelistedItem.Kpi, kpi, Relisting, cancellationToken), cancellationToken);

    /// <summary>Removes a relisting.</summary>
    public async Task<IActionResult> OnPostRemoveRelistingAsync(string plan, string kpi, int id, CancellationToken cancellationToken) =>
        await AfterRelistingAsync(plan, kpi, await relistings.RemoveAsync(plan, RelistedItem.Kpi, kpi, id, cancellationToken), cancellationToken);

    private async Task<IActionResult> AfterRelistingAsync(string plan, string kpi, EditResult result, CancellationToken cancellationToken)
    {
        if (result.IsNotFound)
        {
            return NotFound();
        }

        if (result.Succeeded)
        {
            Flash(result);
            return RedirectToPage("/Admin/Kpis/Edit", null, new { plan, kpi }, "relistings");
        }

        // The KPI form was not posted: show the stored KPI, with the relisting errors.
        ModelState.Clear();
        AddErrors(result, nameof(Relisting));
        var view = await Editor.GetAsync(plan, kpi, cancellationToken);
        if (view is null)
        {
            return NotFound();
        }

        await ShowAsync(view, pad: true, cancellationToken);
        return Page();
    }
}
