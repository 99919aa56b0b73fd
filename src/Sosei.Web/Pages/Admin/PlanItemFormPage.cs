using Microsoft.AspNetCore.Mvc;
using Sosei.Application.Common;
using Sosei.Application.Plans;
using Sosei.Web.Localization;
namespace Sosei.Web.Pages.Admin;

/// <summary>
/// What the new and edit pages of KPIs and projects share (<see cref="Kpis.KpiFormPage"/>,
/// <see cref="Projects.ProjectFormPage"/>): the form, showing a new or a stored item, saving (then the item's edit
/// page), the page again with the posted form, and what follows a change of the item's relistings (再掲).
/// </summary>
/// <typeparam name="TEditor">The item's editor.</typeparam>
/// <typeparam name="TForm">The item's form.</typeparam>
/// <typeparam name="TView">What the item's form page shows.</typeparam>
public abstract class PlanItemFormPage<TEditor, TForm, TView>(TEditor editor, UiText text) : AdminPageModel
    where TEditor : IPlanItemEditor<TForm, TView>
    where TForm : class, new()
    where TView : class, IPlanItemFormView<TForm>
{
    /// <summary>The form.</summary>
    [BindProperty]
    public TForm Form { get; set; } = new();

    /// <summary>The page data.</summary>
    public TView View { get; private set; } = null!;

    /// <summary>The item's editor.</summary>
    protected TEditor Editor => editor;

    /// <summary>The item's edit page (/Admin/Kpis/Edit).</summary>
    protected abstract string EditPage { get; }

    /// <summary>The route value naming the item on its pages (kpi, project).</summary>
    protected abstract string ItemRouteKey { get; }

    /// <summary>Shows the form of a new item under a node.</summary>
    protected Task<IActionResult> ShowNewAsync(string plan, string? node, CancellationToken cancellationToken) =>
        ShowPageAsync(editor.NewAsync(plan, node, cancellationToken), pad: true, cancellationToken);

    /// <summary>Shows the form of a stored item.</summary>
    protected Task<IActionResult> ShowStoredAsync(string plan, string item, CancellationToken cancellationToken) =>
        ShowPageAsync(editor.GetAsync(plan, item, cancellationToken), pad: true, cancellationToken);

    /// <summary>Saves all or nothing; on success goes to the item's edit page.</summary>
    protected async Task<IActionResult> SaveAsync(string plan, string? item, CancellationToken cancellationToken)
    {
        var result = await editor.SaveAsync(plan, item, Form, cancellationToken);
        return await AfterSaveAsync(result, () => RedirectToPage(EditPage, Route(plan, result.Code!)), () => RedisplayAsync(plan, item, cancellationToken));
    }

    /// <summary>Shows the page with the posted form.</summary>
    protected Task<IActionResult> RedisplayAsync(string plan, string? item, CancellationToken cancellationToken) =>
        ShowPageAsync(editor.RedisplayAsync(plan, item, Form, cancellationToken), view => Show(view, pad: false));

    /// <summary>
    /// After a relisting was added or removed (edit pages): on success back to the relistings; otherwise the stored
    /// item, with the errors under <paramref name="prefix"/> (the item's form was not posted).
    /// </summary>
    protected Task<IActionResult> AfterRelistingAsync(string plan, string item, EditResult result, string prefix, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        return AfterSaveAsync(
            result,
            () => RedirectToPage(EditPage, null, Route(plan, item), "relistings"),
            () => ShowStoredAsync(plan, item, cancellationToken),
            prefix);
    }

    /// <summary>
    /// Sets the page data for a new or a stored item: the form (with blank rows for adding when <paramref name="pad"/>)
    /// and whatever else the page computes from it.
    /// </summary>
    protected virtual Task ShowAsync(TView view, bool pad, CancellationToken cancellationToken)
    {
        Show(view, pad);
        return Task.CompletedTask;
    }

    /// <summary>Sets the page data (with blank rows for adding when <paramref name="pad"/>) and breadcrumbs.</summary>
    protected void Show(TView view, bool pad)
    {
        ArgumentNullException.ThrowIfNull(view);
        View = view;
        Form = view.Form;
        if (pad)
        {
            AddBlankRows(Form);
        }

        Crumbs(text[TitleKey(view.IsNew)], (text["管理"], Url.Page("/Admin/Index")), (view.PlanName, Url.Page("/Admin/Plans/Nodes", new { plan = view.PlanCode })));
    }

    /// <summary>Adds the blank rows offered for adding (series, budget lines …).</summary>
    protected abstract void AddBlankRows(TForm form);

    /// <summary>The key of the page title (<see cref="UiText"/>): adding or editing the item.</summary>
    protected abstract string TitleKey(bool isNew);

    private async Task<IActionResult> ShowPageAsync(Task<TView?> load, bool pad, CancellationToken cancellationToken)
    {
        var view = await load;
        if (view is null)
        {
            return NotFound();
        }

        await ShowAsync(view, pad, cancellationToken);
        return Page();
    }

    private RouteValueDictionary Route(string plan, string? item) => new() { ["plan"] = plan, [ItemRouteKey] = item };
}
