using Microsoft.EntityFrameworkCore;
using Sosei.Application.Common;
using Sosei.Application.Evaluation;
using Sosei.Application.Persistence;
using Sosei.Domain.Achievement;
using Sosei.Domain.Periods;
namespace Sosei.Application.Kpis;

/// <summary>The grade override form.</summary>
public sealed class GradeOverrideForm
{
    /// <summary>Band code of the plan's scale.</summary>
    public string? GradeCode { get; set; }

    /// <summary>Why the computed grade is replaced (mandatory).</summary>
    public string? Reason { get; set; }

    /// <summary>
    /// The version of the stored override when the form was opened (<see cref="Versions"/>); null when there was none.
    /// A save or removal from a form opened before someone else's is refused with what they stored.
    /// </summary>
    public int? Version { get; set; }
}

/// <summary>A stored grade override as the grade page shows it.</summary>
/// <param name="GradeCode">Band code chosen.</param>
/// <param name="Reason">Why.</param>
/// <param name="DecidedBy">Who decided.</param>
/// <param name="DecidedAt">When.</param>
/// <param name="Version">Its version (the removal form carries it, <see cref="Versions"/>).</param>
public sealed record GradeOverrideView(string GradeCode, string Reason, string? DecidedBy, DateTimeOffset DecidedAt, int Version);

/// <summary>The grade page: the computed grade of a KPI for a fiscal year, and the override if any.</summary>
public sealed record GradeView
{
    /// <summary>Plan code.</summary>
    public required string PlanCode { get; init; }

    /// <summary>Plan name.</summary>
    public required string PlanName { get; init; }

    /// <summary>Fiscal year evaluated.</summary>
    public required int Year { get; init; }

    /// <summary>Fiscal years offered (the plan's years and those with data).</summary>
    public required IReadOnlyList<int> Years { get; init; }

    /// <summary>The KPI evaluated (computed grade, achievement, override) by <see cref="PlanEvaluator"/>.</summary>
    public required KpiEvaluation Evaluation { get; init; }

    /// <summary>The plan's grades, best first, the no-data grade last.</summary>
    public required IReadOnlyList<Grade> Grades { get; init; }

    /// <summary>The stored override (who and when), or null.</summary>
    public GradeOverrideView? Override { get; init; }

    /// <summary>The form.</summary>
    public required GradeOverrideForm Form { get; init; }
}

/// <summary>
/// Overrides the computed grade of a KPI for a fiscal year with another band of the plan's scale and a mandatory
/// reason (the secretariat's or the council's decision), or removes the override. The computed grade comes from
/// <see cref="PlanEvaluator"/> and is always kept and shown beside the decision.
/// </summary>
public sealed class GradeOverrideEditor(SoseiDbContext db, PlanEvaluator evaluator, TimeProvider clock)
{
    /// <summary>The page; null when the plan or the KPI (in that plan) is not found or the year is impossible.</summary>
    /// <param name="planCode">Plan code.</param>
    /// <param name="kpiCode">KPI code.</param>
    /// <param name="year">Fiscal year; null for the plan's default year (the latest with data).</param>
    /// <param name="cancellationToken">Cancellation.</param>
    public async Task<GradeView?> GetAsync(string planCode, string kpiCode, int? year, CancellationToken cancellationToken = default)
    {
        if (!FiscalYear.TryCreate(year, out _))
        {
            return null;
        }

        var evaluation = await evaluator.EvaluateAsync(planCode, year, cancellationToken);
        var kpi = evaluation?.Kpis.SingleOrDefault(k => k.Kpi.Code == kpiCode);
        if (evaluation is null || kpi is null)
        {
            return null;
        }

        var stored = await db.GradeOverrides.AsNoTracking().SingleOrDefaultAsync(o => o.KpiId == kpi.Kpi.Id && o.FiscalYear == evaluation.Year.Year, cancellationToken);
        var plan = evaluation.Plan;
        return new GradeView
        {
            PlanCode = plan.Code,
            PlanName = plan.Name,
            Year = evaluation.Year.Year,
            Years = Enumerable.Range(plan.StartFiscalYear, plan.EndFiscalYear - plan.StartFiscalYear + 1)
                .Concat(evaluation.YearsWithData).Append(evaluation.Year.Year).Distinct().Order().ToList(),
            Evaluation = kpi,
            Grades = evaluation.Scale.Grades,
            Override = stored is null ? null : new GradeOverrideView(stored.GradeCode, stored.Reason, stored.DecidedBy, stored.DecidedAt, stored.Version),
            Form = new GradeOverrideForm { GradeCode = stored?.GradeCode ?? kpi.Grade.Computed.Code, Reason = stored?.Reason, Version = stored?.Version },
        };
    }

    /// <summary>Stores (or replaces) the override of a KPI's grade for a fiscal year.</summary>
    /// <param name="planCode">Plan code.</param>
    /// <param name="kpiCode">KPI code.</param>
    /// <param name="year">Fiscal year.</param>
    /// <param name="form">Band and reason.</param>
    /// <param name="user">Who decides.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    public async Task<EditResult> SaveAsync(string planCode, string kpiCode, int year, GradeOverrideForm form, string? user, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(form);
        var found = await FindAsync(planCode, kpiCode, year, cancellationToken);
        if (found is null)
        {
            return EditResult.NotFound();
        }

        var (kpi, plan) = found.Value;
        var entity = await db.GradeOverrides.SingleOrDefaultAsync(o => o.KpiId == kpi.Id && o.FiscalYear == year, cancellationToken);
        if (HasMoved(entity, form.Version))
        {
            var conflict = Conflict(kpi, year, entity, form);
            form.Version = entity?.Version;
            return conflict;
        }

        var scale = KpiMapping.ToScale(plan);
        var errors = new EditErrors();
        var code = EditText.Clean(form.GradeCode);
        if (code is null)
        {
            errors.Add(nameof(form.GradeCode), "評価を選んでください。", "Choose a grade.");
        }
        else if (!scale.TryFindByCode(code, out _))
        {
            errors.Add(
                nameof(form.GradeCode),
                $"評価「{EditText.Quote(code)}」はこの計画の評価基準にありません（使える評価: {string.Join("、", scale.Grades.Select(g => g.Code))}）。",
                $"The grade \"{EditText.Quote(code)}\" is not in this plan's scale (grades: {string.Join(", ", scale.Grades.Select(g => g.Code))}).");
        }

        var reason = EditText.Text(errors, nameof(form.Reason), new("理由", "Reason"), form.Reason);
        if (EditText.Clean(form.Reason) is null)
        {
            errors.Add(nameof(form.Reason), "評価を変更する理由を入力してください（例: 有識者会議の意見により、調査方法の変更のため）。", "Enter why the grade is changed (e.g. on the advice of the expert council, because the survey method changed).");
        }

        if (errors.Any)
        {
            return errors.ToResult();
        }

        if (entity is null)
        {
            entity = new GradeOverride { KpiId = kpi.Id, FiscalYear = year, GradeCode = code!, Reason = reason! };
            db.GradeOverrides.Add(entity);
        }
        else
        {
            Versions.Claim(db, entity, entity.Version);
        }

        entity.GradeCode = code!;
        entity.Reason = reason!;
        entity.DecidedBy = user;
        entity.DecidedAt = clock.GetUtcNow();

        // Two saves at the same moment: the second meets the unique index (both created one) or the version (both
        // changed the stored one), and is told so with its input kept.
        if (await UniqueSave.SaveAsync(db, cancellationToken) != SaveOutcome.Saved)
        {
            return EditResult.Failed(string.Empty, UniqueSave.Collided);
        }

        return EditResult.Success(kpi.Code, new($"{new FiscalYear(year).ToJapanese()}の評価を「{code}」にしました。", $"The grade for {new FiscalYear(year).ToJapanese()} is now \"{code}\"."));
    }

    /// <summary>
    /// Removes the override of a KPI's grade for a fiscal year (the computed grade applies again); refused when it was
    /// changed after the page was opened at <paramref name="opened"/> (null: no check, as from the CLI or a test).
    /// </summary>
    public async Task<EditResult> RemoveAsync(string planCode, string kpiCode, int year, int? opened = null, CancellationToken cancellationToken = default)
    {
        var found = await FindAsync(planCode, kpiCode, year, cancellationToken);
        if (found is null)
        {
            return EditResult.NotFound();
        }

        var entity = await db.GradeOverrides.SingleOrDefaultAsync(o => o.KpiId == found.Value.Kpi.Id && o.FiscalYear == year, cancellationToken);
        if (entity is null)
        {
            return EditResult.Success(kpiCode, new("評価の上書きはありません。", "There is no grade override."));
        }

        if (opened is { } version && !Versions.Claim(db, entity, version))
        {
            return Conflict(found.Value.Kpi, year, entity, new GradeOverrideForm());
        }

        db.GradeOverrides.Remove(entity);
        if (await UniqueSave.SaveAsync(db, cancellationToken) != SaveOutcome.Saved)
        {
            return EditResult.Failed(string.Empty, UniqueSave.Collided);
        }

        return EditResult.Success(kpiCode, new($"{new FiscalYear(year).ToJapanese()}の評価の上書きを削除しました。計算による評価に戻ります。", $"The grade override for {new FiscalYear(year).ToJapanese()} was deleted; the computed grade applies again."));
    }

    // Another save came after the form was opened: an override appeared, went, or was changed.
    private static bool HasMoved(GradeOverride? stored, int? opened) =>
        stored is null ? opened is not null : opened is null || Versions.HasMoved(stored, opened.Value);

    private static EditResult Conflict(Kpi kpi, int year, GradeOverride? stored, GradeOverrideForm form) =>
        EditResult.Failed(string.Empty, Versions.Conflict(
            new($"{kpi.Name}の{new FiscalYear(year).ToJapanese()}の評価", $"The grade of {kpi.Name} for {new FiscalYear(year).ToJapanese()}"),
            [(new("評価", "Grade"), form.GradeCode, stored?.GradeCode), (new("理由", "Reason"), form.Reason, stored?.Reason)]));

    private async Task<(Kpi Kpi, Plans.Plan Plan)?> FindAsync(string planCode, string kpiCode, int year, CancellationToken cancellationToken)
    {
        if (!FiscalYear.IsValid(year))
        {
            return null;
        }

        var plan = await db.Plans.AsNoTracking().Include(p => p.GradeBands).SingleOrDefaultAsync(p => p.Code == planCode, cancellationToken);
        var kpi = plan is null ? null : await db.Kpis.AsNoTracking().SingleOrDefaultAsync(k => k.PlanId == plan.Id && k.Code == kpiCode, cancellationToken);
        return plan is null || kpi is null ? null : (kpi, plan);
    }
}
