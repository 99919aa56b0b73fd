using Microsoft.AspNetCore.Mvc;
using Sosei.Application.Common;
using Sosei.Application.Plans;
using Sosei.Web.Localization;
namespace Sosei.Web.Pages.Admin;

/// <summary>
/// What the pages deleting a KPI and a project share (<see cref="Kpis.DeleteModel"/>, <see cref="Projects.DeleteModel"/>):
/// the confirmation showing what goes with the item, and after the deletion the structure page at the item's home node.
/// </summary>
/// <typeparam name="TView">What deleting the item takes with it.</typeparam>
public abstract class PlanItemDeletePage<TView>(UiText text) : AdminPageModel
    where TView : PlanItemDeletion
{
    /// <summary>What will be deleted.</summary>
    public TView View { get; private set; } = null!;

    /// <summary>The key of the page title (<see cref="UiText"/>).</summary>
    protected abstract string TitleKey { get; }

    /// <summary>The breadcrumb of the item: its name and its edit page.</summary>
    protected abstract (string Text, string? Href) ItemCrumb(TView view);

    /// <summary>Shows the confirmation for the view <paramref name="load"/> gives; not found when it gives none.</summary>
    protected Task<IActionResult> ShowAsync(Task<TView?> load) =>
        ShowPageAsync(load, view =>
        {
            View = view;
            Crumbs(
                text[TitleKey],
                (text["管理"], Url.Page("/Admin/Index")),
                (view.PlanName, Url.Page("/Admin/Plans/Nodes", new { plan = view.PlanCode })),
                ItemCrumb(view));
        });

    /// <summary>After the deletion: the structure page at the item's home node, or the confirmation again with the errors.</summary>
    protected Task<IActionResult> AfterDeleteAsync(string plan, EditResult result, Func<Task<IActionResult>> redisplay)
    {
        ArgumentNullException.ThrowIfNull(result);
        return AfterSaveAsync(result, () => RedirectToPage("/Admin/Plans/Nodes", null, new { plan }, "node-" + result.Code), redisplay);
    }
}
