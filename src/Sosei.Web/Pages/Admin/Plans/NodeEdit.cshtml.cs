using Microsoft.AspNetCore.Mvc;
using Sosei.Application.Common;
using Sosei.Application.Plans;
using Sosei.Web.Localization;
namespace Sosei.Web.Pages.Admin.Plans;

/// <summary>Edits one node of the plan tree.</summary>
public sealed class NodeEditModel(PlanStructureEditor editor, UiText text) : NodeFormPage(text)
{
    /// <summary>Shows the form.</summary>
    public Task<IActionResult> OnGetAsync(string plan, string node, CancellationToken cancellationToken) =>
        ShowFormAsync(editor.GetNodeAsync(plan, node, cancellationToken));

    /// <summary>Saves.</summary>
    public async Task<IActionResult> OnPostAsync(string plan, string node, CancellationToken cancellationToken)
    {
        var result = await editor.UpdateNodeAsync(plan, node, Form, cancellationToken);
        return await AfterAsync(plan, result, () => editor.GetNodeAsync(plan, node, cancellationToken));
    }
}

/// <summary>What the two node pages share.</summary>
public abstract class NodeFormPage(UiText text) : AdminPageModel
{
    /// <summary>The form.</summary>
    [BindProperty]
    public NodeForm Form { get; set; } = new();

    /// <summary>The page data.</summary>
    public NodeFormView View { get; private set; } = null!;

    /// <summary>Sets the page data and breadcrumbs.</summary>
    protected void Show(NodeFormView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        View = view;
        var title = view.IsNew ? text.Format("{0}を追加", view.LevelName) : text.Format("{0}の編集", view.LevelName);
        Crumbs(title, (text["管理"], Url.Page("/Admin/Index")), (view.PlanName, Url.Page("/Admin/Plans/Nodes", new { plan = view.PlanCode })));
    }

    /// <summary>Shows the form of a node as <paramref name="load"/> gives it.</summary>
    protected Task<IActionResult> ShowFormAsync(Task<NodeFormView?> load) =>
        ShowPageAsync(load, view =>
        {
            Form = view.Form;
            Show(view);
        });

    /// <summary>Redirects to the tree after a save, or shows the errors.</summary>
    protected Task<IActionResult> AfterAsync(string plan, EditResult result, Func<Task<NodeFormView?>> reload)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(reload);
        return AfterSaveAsync(
            result,
            () => RedirectToPage("/Admin/Plans/Nodes", null, new { plan }, "node-" + result.Code),
            () => ShowPageAsync(reload(), Show));
    }
}
