using Microsoft.AspNetCore.Mvc;
using Sosei.Application.Plans;
using Sosei.Web.Localization;
namespace Sosei.Web.Pages.Admin.Kpis;

/// <summary>Deleting a KPI: GET shows what goes with it, POST (with the anti-forgery token) deletes it.</summary>
public sealed class DeleteModel(ItemDeleter deleter, UiText text) : AdminPageModel
{
    /// <summary>What will be deleted.</summary>
    public KpiDeletion View { get; private set; } = null!;

    /// <summary>Shows the confirmation.</summary>
    public async Task<IActionResult> OnGetAsync(string plan, string kpi, CancellationToken cancellationToken) =>
        await ShowAsync(plan, kpi, cancellationToken);

    /// <summary>Deletes the KPI and goes to the structure page.</summary>
    public async Task<IActionResult> OnPostAsync(string plan, string kpi, CancellationToken cancellationToken)
    {
        var result = await deleter.DeleteKpiAsync(plan, kpi, cancellationToken);
        return await AfterSaveAsync(
            result,
            () => RedirectToPage("/Admin/Plans/Nodes", null, new { plan }, "node-" + result.Code),
            () => ShowAsync(plan, kpi, cancellationToken));
    }

    private Task<IActionResult> ShowAsync(string plan, string kpi, CancellationToken cancellationToken) =>
        ShowPageAsync(deleter.KpiAsync(plan, kpi, cancellationToken), view =>
        {
            View = view;
            Crumbs(
                text["KPIの削除"],
                (text["管理"], Url.Page("/Admin/Index")),
                (view.PlanName, Url.Page("/Admin/Plans/Nodes", new { plan = view.PlanCode })),
                (view.KpiName, Url.Page("/Admin/Kpis/Edit", new { plan = view.PlanCode, kpi = view.KpiCode })));
        });
}
