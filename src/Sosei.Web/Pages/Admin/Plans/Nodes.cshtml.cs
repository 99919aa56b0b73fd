using Microsoft.AspNetCore.Mvc;
using Sosei.Application.Common;
using Sosei.Application.Plans;
using Sosei.Web.Localization;
namespace Sosei.Web.Pages.Admin.Plans;

/// <summary>The plan's structure with its KPIs and projects, and the actions on nodes.</summary>
public sealed class NodesModel(PlanStructureEditor editor, UiText text) : AdminPageModel
{
    /// <summary>The tree.</summary>
    public StructureView View { get; private set; } = null!;

    /// <summary>Errors of a refused move or delete, by node code.</summary>
    public IReadOnlyDictionary<string, Message> NodeErrors { get; private set; } = new Dictionary<string, Message>();

    /// <summary>Shows the tree.</summary>
    public async Task<IActionResult> OnGetAsync(string plan, CancellationToken cancellationToken) =>
        await ShowAsync(plan, cancellationToken);

    /// <summary>Moves a node up or down among its siblings.</summary>
    public async Task<IActionResult> OnPostMoveAsync(string plan, string node, string direction, CancellationToken cancellationToken) =>
        await AfterAsync(plan, await editor.MoveNodeAsync(plan, node, direction == "up" ? -1 : 1, cancellationToken), node, cancellationToken);

    /// <summary>Deletes a node that nothing hangs off.</summary>
    public async Task<IActionResult> OnPostDeleteAsync(string plan, string node, CancellationToken cancellationToken) =>
        await AfterAsync(plan, await editor.DeleteNodeAsync(plan, node, cancellationToken), null, cancellationToken);

    private async Task<IActionResult> AfterAsync(string plan, EditResult result, string? anchor, CancellationToken cancellationToken)
    {
        if (result.IsNotFound)
        {
            return NotFound();
        }

        if (result.Succeeded)
        {
            Flash(result);
            return RedirectToPage("/Admin/Plans/Nodes", null, new { plan }, anchor is null ? null : "node-" + anchor);
        }

        NodeErrors = result.Errors;
        return await ShowAsync(plan, cancellationToken);
    }

    private async Task<IActionResult> ShowAsync(string plan, CancellationToken cancellationToken)
    {
        var view = await editor.GetTreeAsync(plan, cancellationToken);
        if (view is null)
        {
            return NotFound();
        }

        View = view;
        Crumbs(text["体系・KPI・事業"], (text["管理"], Url.Page("/Admin/Index")), (view.PlanName, null));
        return Page();
    }
}
