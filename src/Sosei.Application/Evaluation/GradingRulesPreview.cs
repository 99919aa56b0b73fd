using Sosei.Application.Common;
using Sosei.Application.Plans;
using Sosei.Domain.Achievement;
using Sosei.Domain.Periods;

namespace Sosei.Application.Evaluation;

/// <summary>One grade of a preview: how many KPIs of the plan get it with the saved rules and with the rules of the form.</summary>
/// <param name="Grade">The grade (a band of the plan's scale, or its no-data grade).</param>
/// <param name="Before">KPIs with that final grade under the saved rules.</param>
/// <param name="After">KPIs with that final grade under the rules of the form.</param>
public sealed record PreviewCount(Grade Grade, int Before, int After);

/// <summary>A KPI whose final grade the rules of the form change.</summary>
/// <param name="KpiCode">KPI code.</param>
/// <param name="KpiName">KPI name.</param>
/// <param name="Before">Final grade code under the saved rules.</param>
/// <param name="After">Final grade code under the rules of the form.</param>
public sealed record PreviewChange(string KpiCode, string KpiName, string Before, string After);

/// <summary>The tally of a fiscal year before and after a change of the grading rules, nothing saved.</summary>
/// <param name="Year">The fiscal year tallied.</param>
/// <param name="Before">The saved rules.</param>
/// <param name="After">The rules of the form.</param>
/// <param name="Counts">Every grade of the plan's scale in scale order, the no-data grade last.</param>
/// <param name="Changes">The KPIs that change grade, in tree order.</param>
public sealed record RulesPreview(FiscalYear Year, GradingRules Before, GradingRules After, IReadOnlyList<PreviewCount> Counts, IReadOnlyList<PreviewChange> Changes);

/// <summary>
/// The settings page's preview: evaluates the plan for a year with its saved grading rules and with the rules typed in
/// the settings form (<see cref="PlanSettingsEditor.ReadRules"/>), and counts the KPIs of the whole plan per grade
/// (80%以上 / 80%未満 / — …, by the plan's saved scale) on both sides. Grade overrides count as in the verification.
/// Nothing is written.
/// </summary>
public sealed class GradingRulesPreview(PlanEvaluator evaluator)
{
    /// <summary>Previews the form's rules; not found when no plan has the code, failed (by field) when the form is wrong.</summary>
    /// <param name="planCode">Plan code.</param>
    /// <param name="form">The settings form as posted (its rule fields and <see cref="PlanSettingsForm.PreviewYear"/>).</param>
    /// <param name="cancellationToken">Cancellation.</param>
    public async Task<(EditResult Result, RulesPreview? Preview)> PreviewAsync(string planCode, PlanSettingsForm form, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(form);
        var errors = new EditErrors();
        var year = ReadYear(errors, form.PreviewYear);
        var before = await evaluator.EvaluateAsync(planCode, year?.Year, rules: null, cancellationToken);
        if (before is null)
        {
            return (EditResult.NotFound(), null);
        }

        var rules = PlanSettingsEditor.ReadRules(errors, form, before.Rules);
        if (errors.Any)
        {
            return (errors.ToResult(), null);
        }

        var after = (await evaluator.EvaluateAsync(planCode, before.Year.Year, rules, cancellationToken))!;
        var counts = before.Scale.Grades
            .Select(g => new PreviewCount(g, Count(before, g), Count(after, g)))
            .ToList();
        var changes = before.Kpis.Zip(after.Kpis)
            .Where(x => x.First.Grade.Final.Code != x.Second.Grade.Final.Code)
            .Select(x => new PreviewChange(x.First.Kpi.Code, x.First.Kpi.Name, x.First.Grade.Final.Code, x.Second.Grade.Final.Code))
            .ToList();
        return (EditResult.Success(planCode, new("変更前後の集計です（保存していません）。", "The tally before and after the change (not saved).")),
            new RulesPreview(before.Year, before.Rules, rules, counts, changes));
    }

    private static int Count(PlanEvaluation evaluation, Grade grade) => evaluation.Kpis.Count(k => k.Grade.Final.Code == grade.Code);

    private static FiscalYear? ReadYear(EditErrors errors, string? text)
    {
        if (EditText.Clean(text) is null)
        {
            return null;
        }

        if (PeriodParser.TryParse(text, PeriodKind.FiscalYear, out var period, out _) && period.Kind == PeriodKind.FiscalYear)
        {
            return period.FiscalYear;
        }

        errors.Add(nameof(PlanSettingsForm.PreviewYear), EditText.Field(
            new("集計する年度", "Fiscal year to tally"), text, new("年度で入力してください（例: 平成30年度、H30、2018）。", "enter a fiscal year (e.g. 平成30年度, H30, 2018).")));
        return null;
    }
}
