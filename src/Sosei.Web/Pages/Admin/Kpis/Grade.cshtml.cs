using Microsoft.AspNetCore.Mvc;
using Sosei.Application.Common;
using Sosei.Application.Kpis;
using Sosei.Web.Localization;
namespace Sosei.Web.Pages.Admin.Kpis;

/// <summary>The computed grade of a KPI for a fiscal year, and its override with a reason.</summary>
public sealed class GradeModel(GradeOverrideEditor editor, UiText text) : AdminPageModel
{
    /// <summary>The form.</summary>
    [BindProperty]
    public GradeOverrideForm Form { get; set; } = new();

    /// <summary>The page data.</summary>
    public GradeView View { get; private set; } = null!;

    /// <summary>Shows the grade for a year (the plan's default year when none is given).</summary>
    public async Task<IActionResult> OnGetAsync(string plan, string kpi, int? year, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(plan, kpi, year, cancellationToken))
        {
            return NotFound();
        }

        Form = View.Form;
        return Page();
    }

    /// <summary>Stores the override.</summary>
    public async Task<IActionResult> OnPostAsync(string plan, string kpi, int year, CancellationToken cancellationToken) =>
        await AfterAsync(plan, kpi, year, await editor.SaveAsync(plan, kpi, year, Form, UserName, cancellationToken), cancellationToken);

    /// <summary>Removes the override.</summary>
    public async Task<IActionResult> OnPostRemoveAsync(string plan, string kpi, int year, CancellationToken cancellationToken) =>
        await AfterAsync(plan, kpi, year, await editor.RemoveAsync(plan, kpi, year, Form.Version, cancellationToken), cancellationToken);

    private Task<IActionResult> AfterAsync(string plan, string kpi, int year, EditResult result, CancellationToken cancellationToken) =>
        AfterSaveAsync(
            result,
            () => RedirectToPage("/Admin/Kpis/Grade", new { plan, kpi, year }),
            async () => await LoadAsync(plan, kpi, year, cancellationToken) ? Page() : NotFound());

    private async Task<bool> LoadAsync(string plan, string kpi, int? year, CancellationToken cancellationToken)
    {
        var view = await editor.GetAsync(plan, kpi, year, cancellationToken);
        if (view is null)
        {
            return false;
        }

        View = view;
        Crumbs(text["評価"], (text["管理"], Url.Page("/Admin/Index")), (view.PlanName, Url.Page("/Admin/Plans/Nodes", new { plan })), (view.Evaluation.Kpi.Name, Url.Page("/Admin/Kpis/Edit", new { plan, kpi })));
        return true;
    }
}
