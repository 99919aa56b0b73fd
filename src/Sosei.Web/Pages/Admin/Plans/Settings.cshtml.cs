using Microsoft.AspNetCore.Mvc;
using Sosei.Application.Evaluation;
using Sosei.Application.Plans;
using Sosei.Web.Localization;
namespace Sosei.Web.Pages.Admin.Plans;

/// <summary>
/// Plan settings: name, period, level names, default achievement method, grading rules, grade scale, revisions. The
/// 「プレビュー」 button posts the same form to <see cref="OnPostPreviewAsync"/>, which shows the tally of a year before
/// and after the grading rules of the form and saves nothing.
/// </summary>
public sealed class SettingsModel(PlanSettingsEditor editor, GradingRulesPreview previewer, UiText text) : AdminPageModel
{
    /// <summary>Blank rows offered for adding bands and revisions.</summary>
    public const int BlankRows = 2;

    /// <summary>The form.</summary>
    [BindProperty]
    public PlanSettingsForm Form { get; set; } = new();

    /// <summary>The page data.</summary>
    public PlanSettingsView View { get; private set; } = null!;

    /// <summary>The tally before and after the form's rules, after 「プレビュー」; null otherwise.</summary>
    public RulesPreview? Preview { get; private set; }

    /// <summary>Shows the form.</summary>
    public Task<IActionResult> OnGetAsync(string plan, CancellationToken cancellationToken) =>
        ShowPageAsync(editor.GetAsync(plan, cancellationToken), view =>
        {
            Show(view);
            Form = view.Form;
            Pad(Form.Levels, 1, () => null);
            Pad(Form.Bands, BlankRows, () => new GradeBandForm());
            Pad(Form.Revisions, 1, () => new RevisionForm());
        });

    /// <summary>Saves all or nothing.</summary>
    public async Task<IActionResult> OnPostAsync(string plan, CancellationToken cancellationToken) =>
        await AfterSaveAsync(
            await editor.SaveAsync(plan, Form, cancellationToken),
            () => RedirectToPage("/Admin/Plans/Settings", new { plan }),
            () => RedisplayAsync(plan, cancellationToken));

    /// <summary>Shows the tally of the chosen year with the saved rules and with the form's; saves nothing, keeps the form as posted.</summary>
    public async Task<IActionResult> OnPostPreviewAsync(string plan, CancellationToken cancellationToken)
    {
        var (result, preview) = await previewer.PreviewAsync(plan, Form, cancellationToken);
        if (result.IsNotFound)
        {
            return NotFound();
        }

        if (result.Succeeded)
        {
            Preview = preview;
        }
        else
        {
            AddErrors(result);
        }

        return await RedisplayAsync(plan, cancellationToken);
    }

    /// <summary>The page again with the form as posted.</summary>
    private Task<IActionResult> RedisplayAsync(string plan, CancellationToken cancellationToken) =>
        ShowPageAsync(editor.GetAsync(plan, cancellationToken), Show);

    private void Show(PlanSettingsView view)
    {
        View = view;
        Crumbs(text["計画の設定"], (text["管理"], Url.Page("/Admin/Index")), (view.PlanName, Url.Page("/Admin/Plans/Nodes", new { plan = view.PlanCode })));
    }

    /// <summary>Pads a list with blank rows for adding.</summary>
    public static void Pad<T>(List<T> list, int count, Func<T> blank)
    {
        ArgumentNullException.ThrowIfNull(list);
        ArgumentNullException.ThrowIfNull(blank);
        for (var i = 0; i < count; i++)
        {
            list.Add(blank());
        }
    }
}
