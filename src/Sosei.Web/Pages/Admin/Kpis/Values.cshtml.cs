using Microsoft.AspNetCore.Mvc;
using Sosei.Application.Kpis;
using Sosei.Web.Localization;
namespace Sosei.Web.Pages.Admin.Kpis;

/// <summary>Entry of actual values: one row per period, one column per series, all saved or none.</summary>
public sealed class ValuesModel(KpiValuesEditor editor, UiText text) : AdminPageModel
{
    /// <summary>The grid as posted.</summary>
    [BindProperty]
    public ValuesForm Form { get; set; } = new();

    /// <summary>The grid.</summary>
    public ValuesGrid Grid { get; private set; } = null!;

    /// <summary>Shows the grid.</summary>
    public async Task<IActionResult> OnGetAsync(string plan, string kpi, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(plan, kpi, cancellationToken))
        {
            return NotFound();
        }

        Form = Grid.Form;
        return Page();
    }

    /// <summary>Checks every cell and saves all of them, or shows the errors next to the cells and saves nothing.</summary>
    public async Task<IActionResult> OnPostAsync(string plan, string kpi, CancellationToken cancellationToken)
    {
        var result = await editor.SaveAsync(plan, kpi, Form, UserName, cancellationToken);
        return await AfterSaveAsync(result, () => RedirectToPage("/Admin/Kpis/Values", new { plan, kpi }), () => RedisplayAsync(plan, kpi, cancellationToken));
    }

    /// <summary>The grid again after a refused save, with the posted cells where they still line up.</summary>
    private async Task<IActionResult> RedisplayAsync(string plan, string kpi, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(plan, kpi, cancellationToken))
        {
            return NotFound();
        }

        // The grid's rows come from the database, unchanged by the refused save, so they line up with the posted ones;
        // a post of another shape (the KPI changed meanwhile) is shown as stored.
        if (Form.Rows.Count != Grid.Form.Rows.Count || Form.Rows.Where((r, i) => r.Cells.Count != Grid.Form.Rows[i].Cells.Count).Any())
        {
            Form = Grid.Form;
        }

        return Page();
    }

    private async Task<bool> LoadAsync(string plan, string kpi, CancellationToken cancellationToken)
    {
        var grid = await editor.GetAsync(plan, kpi, cancellationToken);
        if (grid is null)
        {
            return false;
        }

        Grid = grid;
        Crumbs(text["実績値の入力"], (text["管理"], Url.Page("/Admin/Index")), (grid.PlanName, Url.Page("/Admin/Plans/Nodes", new { plan })), (grid.KpiName, Url.Page("/Admin/Kpis/Edit", new { plan, kpi })));
        return true;
    }
}
