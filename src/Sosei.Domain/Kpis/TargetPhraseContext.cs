using Sosei.Domain.Periods;

namespace Sosei.Domain.Kpis;

/// <summary>
/// What <see cref="TargetPhraseParser"/> needs to know besides the phrase: the plan period that "5年で" counts from,
/// the level of the KPI, the baseline period, and overrides for what a phrase cannot say on its own.
/// </summary>
/// <param name="PlanStart">First fiscal year of the plan (H27 = FY2015 for 根室市創生総合戦略).</param>
/// <param name="PlanEnd">Last fiscal year of the plan (H31 = FY2019); not before <paramref name="PlanStart"/>.</param>
/// <param name="Level">Goal (数値目標), measure (KPI) or project.</param>
/// <param name="BaselinePeriod">The year the baseline refers to (基準年), when the plan states it; null otherwise.</param>
/// <param name="Direction">
/// Which way is better, when the phrase does not say it: "向上" (improvement) of 人口減少率 means going down.
/// Null to infer it from the phrase and the KPI name (see <see cref="TargetPhraseParser.DecreaseIsBetterWords"/>).
/// </param>
/// <param name="Kind">
/// The target kind, when the phrase is ambiguous ("5年で3施設" could be a count reached or a total over five years).
/// Null to infer it (see <see cref="TargetPhraseParser"/>).
/// </param>
public sealed record TargetPhraseContext(
    FiscalYear PlanStart,
    FiscalYear PlanEnd,
    KpiLevel Level,
    Period? BaselinePeriod,
    KpiDirection? Direction = null,
    TargetKind? Kind = null);
