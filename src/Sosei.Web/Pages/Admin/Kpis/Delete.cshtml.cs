using Microsoft.AspNetCore.Mvc;
using Sosei.Application.Plans;
using Sosei.Web.Localization;
namespace Sosei.Web.Pages.Admin.Kpis;

/// <summary>Deleting a KPI: GET shows what goes with it, POST (with the anti-forgery token) deletes it.</summary>
public sealed class DeleteModel(ItemDeleter deleter, UiText text) : PlanItemDeletePage<KpiDeletion>(text)
{
    /// <inheritdoc />
    protected override string TitleKey => "KPIの削除";

    /// <summary>Shows the confirmation.</summary>
    public Task<IActionResult> OnGetAsync(string plan, string kpi, CancellationToken cancellationToken) =>
        ShowAsync(deleter.KpiAsync(plan, kpi, cancellationToken));

    /// <summary>Deletes the KPI and goes to the structure page.</summary>
    public async Task<IActionResult> OnPostAsync(string plan, string kpi, CancellationToken cancellationToken) =>
        await AfterDeleteAsync(plan, await deleter.DeleteKpiAsync(plan, kpi, cancellationToken), () => ShowAsync(deleter.KpiAsync(plan, kpi, cancellationToken)));

    /// <inheritdoc />
    protected override (string Text, string? Href) ItemCrumb(KpiDeletion view) =>
        (view.KpiName, Url.Page("/Admin/Kpis/Edit", new { plan = view.PlanCode, kpi = view.KpiCode }));
}
