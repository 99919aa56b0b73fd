using Microsoft.AspNetCore.Mvc;
using Sosei.Application.Projects;
using Sosei.Web.Localization;
namespace Sosei.Web.Pages.Admin.Projects;

/// <summary>What the new-project and edit-project pages share.</summary>
public abstract class ProjectFormPage(ProjectEditor editor, UiText text) : AdminPageModel
{
    /// <summary>The form.</summary>
    [BindProperty]
    public ProjectForm Form { get; set; } = new();

    /// <summary>The page data.</summary>
    public ProjectFormView View { get; private set; } = null!;

    /// <summary>The project editor.</summary>
    protected ProjectEditor Editor => editor;

    /// <summary>Saves all or nothing; on success goes to the project's edit page.</summary>
    protected async Task<IActionResult> SaveAsync(string plan, string? project, CancellationToken cancellationToken)
    {
        var result = await editor.SaveAsync(plan, project, Form, cancellationToken);
        if (result.IsNotFound)
        {
            return NotFound();
        }

        if (result.Succeeded)
        {
            Flash(result);
            return RedirectToPage("/Admin/Projects/Edit", new { plan, project = result.Code! });
        }

        AddErrors(result);
        var view = await editor.RedisplayAsync(plan, project, Form, cancellationToken);
        if (view is null)
        {
            return NotFound();
        }

        Show(view, pad: false);
        return Page();
    }

    /// <summary>Sets the page data (with blank rows for adding when <paramref name="pad"/>) and breadcrumbs.</summary>
    protected void Show(ProjectFormView view, bool pad)
    {
        ArgumentNullException.ThrowIfNull(view);
        View = view;
        Form = view.Form;
        if (pad)
        {
            Form.Partners.Add(new PartnerForm());
            Form.Budget.Add(new BudgetForm());
            Form.Budget.Add(new BudgetForm());
            Form.Grants.Add(new GrantForm());
        }

        var title = view.IsNew ? text["事業の追加"] : text["事業の編集"];
        Crumbs(title, (text["管理"], Url.Page("/Admin/Index")), (view.PlanName, Url.Page("/Admin/Plans/Nodes", new { plan = view.PlanCode })));
    }
}
