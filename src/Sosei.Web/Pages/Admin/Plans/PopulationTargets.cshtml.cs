using Microsoft.AspNetCore.Mvc;
using Sosei.Application.Plans;
using Sosei.Web.Localization;
namespace Sosei.Web.Pages.Admin.Plans;

/// <summary>The plan's population targets (人口の将来展望): list, add, edit and delete rows, all saved together or none.</summary>
public sealed class PopulationTargetsModel(PopulationTargetEditor editor, UiText text) : AdminPageModel
{
    /// <summary>Blank rows offered for adding.</summary>
    public const int BlankRows = 3;

    /// <summary>The form.</summary>
    [BindProperty]
    public PopulationTargetsForm Form { get; set; } = new();

    /// <summary>The page data.</summary>
    public PopulationTargetsView View { get; private set; } = null!;

    /// <summary>Shows the targets with blank rows for adding.</summary>
    public async Task<IActionResult> OnGetAsync(string plan, CancellationToken cancellationToken)
    {
        var view = await editor.GetAsync(plan, cancellationToken);
        if (view is null)
        {
            return NotFound();
        }

        Show(view);
        Form = view.Form;
        SettingsModel.Pad(Form.Rows, BlankRows, () => new PopulationTargetRowForm());
        return Page();
    }

    /// <summary>Saves all rows or none.</summary>
    public async Task<IActionResult> OnPostAsync(string plan, CancellationToken cancellationToken)
    {
        var result = await editor.SaveAsync(plan, Form, cancellationToken);
        if (result.IsNotFound)
        {
            return NotFound();
        }

        if (result.Succeeded)
        {
            Flash(result);
            return RedirectToPage("/Admin/Plans/PopulationTargets", new { plan });
        }

        AddErrors(result);
        var view = await editor.RedisplayAsync(plan, Form, cancellationToken);
        if (view is null)
        {
            return NotFound();
        }

        Show(view);
        return Page();
    }

    private void Show(PopulationTargetsView view)
    {
        View = view;
        Crumbs(text["目標人口"], (text["管理"], Url.Page("/Admin/Index")), (view.PlanName, Url.Page("/Admin/Plans/Nodes", new { plan = view.PlanCode })));
    }
}
