using Microsoft.AspNetCore.Mvc;
using Sosei.Application.Kpis;
using Sosei.Web.Localization;
namespace Sosei.Web.Pages.Admin.Kpis;

/// <summary>What the new-KPI and edit-KPI pages share: the form, the phrase preview, saving.</summary>
public abstract class KpiFormPage(KpiEditor editor, UiText text) : AdminPageModel
{
    /// <summary>The form.</summary>
    [BindProperty]
    public KpiForm Form { get; set; } = new();

    /// <summary>The page data.</summary>
    public KpiFormView View { get; private set; } = null!;

    /// <summary>What the target phrase reads as, when asked (解析) or when the explicit target is blank.</summary>
    public PhrasePreview? Preview { get; private set; }

    /// <summary>The UI text.</summary>
    protected UiText Text => text;

    /// <summary>The KPI editor.</summary>
    protected KpiEditor Editor => editor;

    /// <summary>Shows the phrase preview with the form as posted.</summary>
    protected async Task<IActionResult> PreviewAsync(string plan, string? kpi, CancellationToken cancellationToken)
    {
        Preview = await editor.PreviewPhraseAsync(plan, Form, cancellationToken);
        return Preview is null ? NotFound() : await RedisplayAsync(plan, kpi, cancellationToken);
    }

    /// <summary>Saves all or nothing; on success goes to the KPI's edit page.</summary>
    protected async Task<IActionResult> SaveAsync(string plan, string? kpi, CancellationToken cancellationToken)
    {
        var result = await editor.SaveAsync(plan, kpi, Form, cancellationToken);
        if (result.IsNotFound)
        {
            return NotFound();
        }

        if (result.Succeeded)
        {
            Flash(result);
            return RedirectToPage("/Admin/Kpis/Edit", new { plan, kpi = result.Code! });
        }

        AddErrors(result);
        return await RedisplayAsync(plan, kpi, cancellationToken);
    }

    /// <summary>Shows the page with the posted form.</summary>
    protected async Task<IActionResult> RedisplayAsync(string plan, string? kpi, CancellationToken cancellationToken)
    {
        var view = await editor.RedisplayAsync(plan, kpi, Form, cancellationToken);
        if (view is null)
        {
            return NotFound();
        }

        Show(view, pad: false);
        return Page();
    }

    /// <summary>Sets the page data (with blank rows for adding when <paramref name="pad"/>) and breadcrumbs.</summary>
    protected async Task ShowAsync(KpiFormView view, bool pad, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(view);
        Form = view.Form;
        Show(view, pad);
        if (!string.IsNullOrWhiteSpace(Form.Phrase) && string.IsNullOrWhiteSpace(Form.Target))
        {
            Preview = await editor.PreviewPhraseAsync(view.PlanCode, Form, cancellationToken);
        }
    }

    private void Show(KpiFormView view, bool pad)
    {
        View = view;
        if (pad)
        {
            Form.Series.Add(new SeriesForm());
            Form.InterimTargets.Add(new PeriodValueForm());
            Form.InterimTargets.Add(new PeriodValueForm());
        }

        var title = view.IsNew ? text["KPIの追加"] : text["KPIの編集"];
        Crumbs(title, (text["管理"], Url.Page("/Admin/Index")), (view.PlanName, Url.Page("/Admin/Plans/Nodes", new { plan = view.PlanCode })));
    }
}
