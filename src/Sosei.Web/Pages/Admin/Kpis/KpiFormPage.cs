using Microsoft.AspNetCore.Mvc;
using Sosei.Application.Kpis;
using Sosei.Web.Localization;
namespace Sosei.Web.Pages.Admin.Kpis;

/// <summary>What the new-KPI and edit-KPI pages share: the form (<see cref="PlanItemFormPage{TEditor, TForm, TView}"/>) and the phrase preview.</summary>
public abstract class KpiFormPage(KpiEditor editor, UiText text) : PlanItemFormPage<KpiEditor, KpiForm, KpiFormView>(editor, text)
{
    /// <summary>What the target phrase reads as, when asked (解析) or when the explicit target is blank.</summary>
    public PhrasePreview? Preview { get; private set; }

    /// <inheritdoc />
    protected override string EditPage => "/Admin/Kpis/Edit";

    /// <inheritdoc />
    protected override string ItemRouteKey => "kpi";

    /// <summary>Shows the phrase preview with the form as posted.</summary>
    protected async Task<IActionResult> PreviewAsync(string plan, string? kpi, CancellationToken cancellationToken)
    {
        Preview = await Editor.PreviewPhraseAsync(plan, Form, cancellationToken);
        return Preview is null ? NotFound() : await RedisplayAsync(plan, kpi, cancellationToken);
    }

    /// <summary>Sets the page data, and the phrase preview when the explicit target is blank.</summary>
    protected override async Task ShowAsync(KpiFormView view, bool pad, CancellationToken cancellationToken)
    {
        Show(view, pad);
        if (!string.IsNullOrWhiteSpace(Form.Phrase) && string.IsNullOrWhiteSpace(Form.Target))
        {
            Preview = await Editor.PreviewPhraseAsync(view.PlanCode, Form, cancellationToken);
        }
    }

    /// <inheritdoc />
    protected override void AddBlankRows(KpiForm form)
    {
        ArgumentNullException.ThrowIfNull(form);
        form.Series.Add(new SeriesForm());
        form.InterimTargets.Add(new PeriodValueForm());
        form.InterimTargets.Add(new PeriodValueForm());
    }

    /// <inheritdoc />
    protected override string TitleKey(bool isNew) => isNew ? "KPIの追加" : "KPIの編集";
}
