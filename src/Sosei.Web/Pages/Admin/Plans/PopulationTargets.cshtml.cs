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
    public Task<IActionResult> OnGetAsync(string plan, CancellationToken cancellationToken) =>
        ShowPageAsync(editor.GetAsync(plan, cancellationToken), view =>
        {
            Show(view);
            Form = view.Form;
            SettingsModel.Pad(Form.Rows, BlankRows, () => new PopulationTargetRowForm());
        });

    /// <summary>Saves all rows or none.</summary>
    public async Task<IActionResult> OnPostAsync(string plan, CancellationToken cancellationToken) =>
        await AfterSaveAsync(
            await editor.SaveAsync(plan, Form, cancellationToken),
            () => RedirectToPage("/Admin/Plans/PopulationTargets", new { plan }),
            () => ShowPageAsync(editor.RedisplayAsync(plan, Form, cancellationToken), Show));

    private void Show(PopulationTargetsView view)
    {
        View = view;
        Crumbs(text["目標人口"], (text["管理"], Url.Page("/Admin/Index")), (view.PlanName, Url.Page("/Admin/Plans/Nodes", new { plan = view.PlanCode })));
    }
}
